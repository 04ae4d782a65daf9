package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How close two requests' contents are: character bigrams, Dice's coefficient (ADR 0024). */
class EarlierRequestsSimilarityTest {

    private static double similarity(String a, String b) {
        return EarlierRequests.dice(EarlierRequests.bigrams(a), EarlierRequests.bigrams(b));
    }

    @Test
    void theSameTextIsFullySimilarWhateverItsPunctuationBlanksAndWidth() {
        assertThat(similarity("申请公开某路段改造工程的招标文件", "申请公开 某路段改造工程的招标文件。")).isEqualTo(1.0);
        assertThat(similarity("公开２０２４年预算", "公开2024年预算")).isEqualTo(1.0);
    }

    @Test
    void reorderedClausesAndExtraWordsStayAboveTheDefaultThreshold() {
        String earlier = "申请公开某路段改造工程的招标文件和中标结果";
        assertThat(similarity(earlier, "关于某路段改造工程，请公开其招标文件、中标结果以及施工合同")).isGreaterThan(0.4);
        assertThat(similarity(earlier, "某路段改造工程的中标结果和招标文件，申请公开")).isGreaterThan(0.7);
    }

    @Test
    void anotherSubjectSharesLittleMoreThanTheWordsOfAskingAndStaysBelowIt() {
        assertThat(similarity("申请公开某路段改造工程的招标文件和中标结果", "申请公开本街道2024年度低保发放名单"))
                .isLessThan(0.4);
    }

    @Test
    void anEmptyTextIsSimilarToNothing() {
        assertThat(similarity("", "申请公开")).isZero();
        assertThat(similarity("。", "。")).isZero();
        assertThat(EarlierRequests.bigrams(null)).isEmpty();
    }
}
