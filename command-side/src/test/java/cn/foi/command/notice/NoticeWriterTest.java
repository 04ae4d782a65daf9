package cn.foi.command.notice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementRequested;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The documents as a reader of the DOCX sees them: read back with XWPF, not compared with the generator's strings. */
class NoticeWriterTest {

    private static final LocalDate RECEIVED = LocalDate.of(2025, 9, 26);
    private static final LocalDate ISSUED = LocalDate.of(2025, 10, 9);
    private static final String AGENCY = "某区某街道办事处";

    /** The article each outcome's answer must cite. */
    private static final Map<Outcome, String> ARTICLES = Map.ofEntries(
            Map.entry(Outcome.R3_1, "第三十六条第一项、第二项"),
            Map.entry(Outcome.R3_2, "第三十七条"),
            Map.entry(Outcome.R3_3_1, "第十四条"),
            Map.entry(Outcome.R3_3_2, "第十四条"),
            Map.entry(Outcome.R3_3_3, "第十四条"),
            Map.entry(Outcome.R3_3_4, "第十五条"),
            Map.entry(Outcome.R3_3_5, "第十六条第一款"),
            Map.entry(Outcome.R3_3_6, "第十六条第二款"),
            Map.entry(Outcome.R3_3_7, "第十六条第二款"),
            Map.entry(Outcome.R3_3_8, "第三十六条第七项"),
            Map.entry(Outcome.R3_4_1, "第三十六条第四项、第五项"),
            Map.entry(Outcome.R3_4_2, "第三十八条"),
            Map.entry(Outcome.R3_4_3, "第三十条"),
            Map.entry(Outcome.R3_5_1, "第三十九条第一款"),
            Map.entry(Outcome.R3_5_2, "第三十六条第六项"),
            Map.entry(Outcome.R3_5_3, "第三十九条第二款"),
            Map.entry(Outcome.R3_5_4, "第三十五条"),
            Map.entry(Outcome.R3_5_5, "第二十七条"),
            Map.entry(Outcome.R3_6_1, "第三十条"),
            Map.entry(Outcome.R3_6_2, "国办函〔2020〕109号"),
            Map.entry(Outcome.R3_6_3, "其他处理说明"));

    private final NoticeWriter writer = new NoticeWriter(NoticeTemplates.DEFAULT);

    private static NoticeFacts facts() {
        NoticeFacts facts = new NoticeFacts();
        facts.on(new RequestReceived("r1", "JD01", "2025-001",
                new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.ONLINE, RECEIVED, RECEIVED,
                RECEIVED, "本街道2024年度老旧小区改造资金使用情况", 1, RequestedForm.ELECTRONIC));
        facts.on(new SupplementRequested("r1", RECEIVED.plusDays(3), RECEIVED.plusDays(20), "请写明小区名称", 1,
                false));
        return facts;
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyAnswerCitesItsOutcomesLegalBasisAndOnlyAFullDisclosureOmitsTheRemedy(Outcome outcome)
            throws IOException {
        NoticeFacts facts = facts();
        facts.on(new RequestDecided("r1", outcome, ISSUED, null, outcome == Outcome.R3_6_3 ? "其他处理说明" : ""));
        String number = "某区某街道办事处依申公〔2025〕7号";

        String text = text(writer.write(NoticeKind.ANSWER, facts, number, AGENCY, ISSUED).toDocx());

        assertThat(text).contains("政府信息公开申请答复书", number, "张三：", "2025-001", ARTICLES.get(outcome),
                AGENCY, "2025年10月9日", "（印章）");
        if (outcome == Outcome.R3_1) {
            assertThat(text).doesNotContain("行政复议");
        } else if (outcome == Outcome.R3_2 || outcome.name().startsWith("R3_3_")) {
            // 行政复议法 (2023) 第二十三条: a refusal decided in 2025 goes to 复议 first, the court only afterwards.
            assertThat(text).contains("应当自收到本答复之日起60日内向本机关的上一级主管部门或者本级人民政府申请行政复议",
                    "对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向有管辖权的人民法院提起行政诉讼")
                    .doesNotContain("6个月");
        } else {
            assertThat(text).contains("60日内向本机关的上一级主管部门或者本级人民政府申请行政复议",
                    "或者自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼");
        }
    }

    @Test
    void aRefusalDecidedBefore2024MayStillGoStraightToCourt() throws IOException {
        NoticeFacts facts = facts();
        facts.on(new RequestDecided("r1", Outcome.R3_3_6, LocalDate.of(2023, 12, 29), null, ""));

        String text = text(writer.write(NoticeKind.ANSWER, facts, "某依申公〔2023〕9号", AGENCY,
                LocalDate.of(2023, 12, 29)).toDocx());

        assertThat(text).contains("第十六条第二款", "或者自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼");
    }

    @Test
    void aSupplementNoticeNamesTheItemsAndTheDeadline() throws IOException {
        String text = text(writer.write(NoticeKind.SUPPLEMENT, facts(), "某依申公补〔2025〕3号", AGENCY, ISSUED).toDocx());

        assertThat(text).contains("补正告知书", "某依申公补〔2025〕3号", "张三：", "请写明小区名称", "2025年10月16日前",
                "第三十条", "2025年9月26日");
    }

    @Test
    void theNumberPatternKeepsEachKindsSeriesApart() {
        assertThat(NoticeNumbers.format(NoticeNumbers.DEFAULT_PATTERN, "某街道", NoticeKind.ANSWER, 2025, 3))
                .isEqualTo("某街道依申公〔2025〕3号");
        assertThat(NoticeNumbers.format(NoticeNumbers.DEFAULT_PATTERN, "某街道", NoticeKind.SUPPLEMENT, 2025, 3))
                .isEqualTo("某街道依申公补〔2025〕3号");
    }
}
