package cn.foi.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void aResidentIdKeepsItsRegionAndItsLastFour() {
        assertThat(PersonalData.maskIdNumber("110105199001011234")).isEqualTo("110105********1234");
    }

    @Test
    void aResidentIdEndingInTheCheckCharacterXKeepsTheX() {
        assertThat(PersonalData.maskIdNumber("11010519900101123X")).isEqualTo("110105********123X");
        assertThat(PersonalData.maskIdNumber("11010519900101123x")).isEqualTo("110105********123x");
    }

    @Test
    void anOldFifteenDigitResidentIdKeepsItsRegionAndItsLastFour() {
        assertThat(PersonalData.maskIdNumber("110105900101123")).isEqualTo("110105*****1123");
    }

    @Test
    void anyOtherDocumentKeepsOnlyItsLastFour() {
        assertThat(PersonalData.maskIdNumber("E12345678")).isEqualTo("*****5678");
        assertThat(PersonalData.maskIdNumber("91110105MA01ABCD2X")).isEqualTo("**************CD2X");
        assertThat(PersonalData.maskIdNumber("  港澳H0123456  ")).isEqualTo("******3456");
    }

    @Test
    void aShortNumberIsMaskedWhole() {
        assertThat(PersonalData.maskIdNumber("1234")).isEqualTo("****");
        assertThat(PersonalData.maskIdNumber("A1")).isEqualTo("**");
    }

    @Test
    void nothingGivenStaysAsItIs() {
        assertThat(PersonalData.maskIdNumber(null)).isNull();
        assertThat(PersonalData.maskIdNumber("  ")).isEqualTo("  ");
        assertThat(PersonalData.maskContact(null)).isNull();
        assertThat(PersonalData.maskContact("")).isEmpty();
        assertThat(PersonalData.maskPhone(null)).isNull();
    }

    @Test
    void aMobileKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(PersonalData.maskContact("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskContact("+86 138-1234-5678")).isEqualTo("138****5678");
    }

    @Test
    void aLandlineKeepsOnlyItsLastFourDigits() {
        assertThat(PersonalData.maskContact("010-87654321")).isEqualTo("*******4321");
        assertThat(PersonalData.maskPhone("(0755) 8765 4321")).isEqualTo("********4321");
    }

    @Test
    void anEmailKeepsTheFirstCharacterOfTheNameAndTheDomain() {
        assertThat(PersonalData.maskContact("zhangsan@example.cn")).isEqualTo("z***@example.cn");
    }

    @Test
    void anAddressKeepsItsFirstSixCharacters() {
        assertThat(PersonalData.maskContact("北京市朝阳区某某路1号院2单元301"))
                .isEqualTo("北京市朝阳区****");
        assertThat(PersonalData.maskContact("某村")).isEqualTo("某****");
    }

    @Test
    void aMaskedValueShowsNoneOfTheHiddenDigits() {
        String masked = PersonalData.maskIdNumber("110105199001011234");
        assertThat(masked).doesNotContain("19900101");
        assertThat(PersonalData.maskContact("13812345678")).doesNotContain("1234");
    }
}
