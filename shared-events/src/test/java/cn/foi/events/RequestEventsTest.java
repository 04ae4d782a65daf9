package cn.foi.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestEvent;
import org.junit.jupiter.api.Test;

class RequestEventsTest {

    @Test
    void categoriesAreReadFromKeyOrLabel() {
        assertThat(ApplicantCategory.fromText("自然人")).contains(ApplicantCategory.C1);
        assertThat(ApplicantCategory.fromText(" c5 ")).contains(ApplicantCategory.C5);
        assertThat(ApplicantCategory.fromText("个人")).isEmpty();
    }

    @Test
    void outcomesAreReadFromKeyOrRowLabel() {
        assertThat(Outcome.fromText("R3_3_1")).contains(Outcome.R3_3_1);
        assertThat(Outcome.fromText("本机关不掌握相关政府信息")).contains(Outcome.R3_4_1);
        assertThat(Outcome.values()).hasSize(21);
        assertThat(Outcome.R3_3_1.fullLabel()).isEqualTo("不予公开·属于国家秘密");
        assertThat(Outcome.R3_1.fullLabel()).isEqualTo("予以公开");
    }

    @Test
    void channelsThatNeedConfirmationAreTheUnsignedOnes() {
        assertThat(Channel.fromText("网络")).contains(Channel.ONLINE);
        assertThat(Channel.ONLINE.receiptNeedsConfirmation()).isTrue();
        assertThat(Channel.REGISTERED_MAIL.receiptNeedsConfirmation()).isFalse();
        assertThat(Channel.IN_PERSON.receiptNeedsConfirmation()).isFalse();
    }

    @Test
    void appealResultsAcceptTheLedgersShortForms() {
        assertThat(AppealResult.fromText("维持")).contains(AppealResult.UPHELD);
        assertThat(AppealResult.fromText("结果纠正")).contains(AppealResult.CORRECTED);
        assertThat(AppealResult.fromText("OTHER")).contains(AppealResult.OTHER);
        // 其他 is the short form of 其他结果, which no "结果" prefix rule finds (issue 14, point 10)
        assertThat(AppealResult.fromText("其他")).contains(AppealResult.OTHER);
        assertThat(AppealResult.fromText("其他结果")).contains(AppealResult.OTHER);
        assertThat(AppealResult.fromText("纠正")).contains(AppealResult.CORRECTED);
    }

    @Test
    void theLifecycleIsClosed() {
        assertThat(RequestEvent.class.isSealed()).isTrue();
        assertThat(RequestEvent.class.getPermittedSubclasses()).hasSize(33);
    }
}
