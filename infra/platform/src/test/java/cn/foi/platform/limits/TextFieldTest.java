package cn.foi.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFieldTest {

    private static String rule(TextField field, String text) {
        return field.fault(text).map(TextField.Fault::rule).orElse("OK");
    }

    @Test
    void freeTextKeepsTabsAndLineBreaksButNoOtherControlCharacter() {
        assertThat(rule(TextField.DESCRIPTION, "第一项\r\n\t第二项\u2028")).isEqualTo("OK");
        assertThat(rule(TextField.DESCRIPTION, "申请\u0000")).isEqualTo("TEXT_CONTROL_CHARACTER");
        assertThat(rule(TextField.DESCRIPTION, "\u007F")).isEqualTo("TEXT_CONTROL_CHARACTER");
        assertThat(rule(TextField.DESCRIPTION, "\u0085")).isEqualTo("TEXT_CONTROL_CHARACTER");
        assertThat(rule(TextField.DESCRIPTION, "\uDC00")).isEqualTo("TEXT_CONTROL_CHARACTER");
        assertThat(rule(TextField.DESCRIPTION, "\uFFFF")).isEqualTo("TEXT_CONTROL_CHARACTER");
        assertThat(rule(TextField.DESCRIPTION, null)).isEqualTo("OK");
    }

    @Test
    void oneLineFieldsRefuseLineBreaksAndTabs() {
        for (String breaking : new String[]{"\n", "\r", "\t", "\u2028", "\u2029", "\u0085"}) {
            assertThat(rule(TextField.APPLICANT_CONTACT, "138" + breaking + "0000")).isEqualTo("TEXT_NOT_ONE_LINE");
        }
        assertThat(rule(TextField.APPLICANT_CONTACT, "北京市西城区某街 1 号 13800000000")).isEqualTo("OK");
    }

    @Test
    void theLengthCountsCharactersAsPostgresqlDoes() {
        String twoHundredAstral = "𠀀".repeat(200); // 400 UTF-16 units, 200 characters
        assertThat(rule(TextField.APPLICANT_NAME, twoHundredAstral)).isEqualTo("OK");
        assertThat(rule(TextField.APPLICANT_NAME, twoHundredAstral + "a")).isEqualTo("TEXT_TOO_LONG");
        assertThat(TextField.APPLICANT_CONTACT.fault("1".repeat(266)).orElseThrow().message())
                .isEqualTo("字段 applicant.contact（联系方式）最多 200 个字符，现为 266 个");
    }
}
