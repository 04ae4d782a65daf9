package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.notice.NoticeTemplateStore;
import cn.foi.events.request.NoticeKind;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Serving, voiding, the 送达回证, the 2008 条例's receipt and the print view through the API, on the real PostgreSQL
 * and Kafka. The notice layouts are the real store's, except that it fails when asked for a 送达回证's layout: the form
 * is written without one, and looking one up would be a mistake (see {@link ServiceHasNoLayout}).
 */
class NoticeServiceApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass(Map.of(), ServiceHasNoLayout.class);

    private static String register(FoiApi clerk, String agency, String caseNo, String applicant, String receivedOn) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", applicant), "channel", "当面",
                        "receivedOn", receivedOn, "description", "申请公开本街道2024年度老旧小区改造资金使用情况"))
                .expect(201).json().get("id").asText();
    }

    private static String path(String id, String number, String tail) {
        return "/api/requests/" + id + "/notices/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8) + tail;
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private static Map<String, JsonNode> listed(FoiApi clerk, String id) {
        Map<String, JsonNode> byNumber = new HashMap<>();
        clerk.get("/api/requests/" + id + "/notices").expect(200).json()
                .forEach(row -> byNumber.put(row.get("number").asText(), row));
        return byNumber;
    }

    @Test
    void aNoticeIsServedOnceThenVoidedKeepingItsNumberAndTheNextTakesTheNextNumber() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-101", "李四", "2025-09-26");
        String notices = "/api/requests/" + id + "/notices";
        String first = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-29")).expect(201).json()
                .get("number").asText();
        assertThat(first).endsWith("依申公收〔2025〕1号");

        FoiApi.Response early = clerk.post(path(id, first, "/service"),
                Map.of("servedOn", "2025-09-28", "method", "DIRECT"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("field").asText()).isEqualTo("servedOn");
        FoiApi.Response noMethod = clerk.post(path(id, first, "/service"),
                Map.of("servedOn", "2025-09-30", "method", "PIGEON"));
        assertThat(noMethod.status()).isEqualTo(400);
        assertThat(noMethod.json().get("field").asText()).isEqualTo("method");
        clerk.post(path(id, first, "/service"), Map.of("servedOn", "2025-09-30", "method", "邮寄送达")).expect(200);
        JsonNode served = listed(clerk, id).get(first);
        assertThat(served.get("servedOn").asText()).isEqualTo("2025-09-30");
        assertThat(served.get("serviceMethodLabel").asText()).isEqualTo("邮寄送达");
        FoiApi.Response twice = clerk.post(path(id, first, "/service"),
                Map.of("servedOn", "2025-10-08", "method", "DIRECT"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("更正理由");

        clerk.post(path(id, first, "/void"), Map.of("reason", "申请人姓名录入有误")).expect(200);
        JsonNode voided = listed(clerk, id).get(first);
        assertThat(voided.get("voided").asBoolean()).isTrue();
        assertThat(voided.get("voidReason").asText()).isEqualTo("申请人姓名录入有误");
        clerk.download(voided.get("download").asText()).expectOk();
        assertThat(clerk.post(path(id, first, "/service"), Map.of("servedOn", "2025-10-08", "method", "DIRECT",
                "reason", "更正")).status()).isEqualTo(409);
        assertThat(clerk.post(notices, Map.of("kind", "SERVICE", "issuedOn", "2025-10-09", "servesNumber", first))
                .status()).isEqualTo(409);

        String second = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-10-09")).expect(201).json()
                .get("number").asText();
        assertThat(second).endsWith("依申公收〔2025〕2号");
        JsonNode form = clerk.post(notices, Map.of("kind", "SERVICE", "issuedOn", "2025-10-09",
                "servesNumber", second)).expect(201).json();
        assertThat(form.get("number").asText()).endsWith("依申公送〔2025〕1号");
        assertThat(form.get("servesNumber").asText()).isEqualTo(second);
        String formText;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(
                clerk.download(form.get("download").asText()).expectOk()))) {
            formText = document.getTables().get(0).getText();
        }
        assertThat(formText).contains("《申请接收回执》" + second, "李四", "受送达人签名或者盖章");
        FoiApi.Response unknown = clerk.post(notices, Map.of("kind", "SERVICE", "issuedOn", "2025-10-09",
                "servesNumber", "没有这个文号"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("servesNumber");

        List<String> allowed = new ArrayList<>();
        clerk.get(notices + "/allowed-kinds").expect(200).json().forEach(k -> allowed.add(k.get("kind").asText()));
        assertThat(allowed).containsExactly("RECEIPT", "SERVICE");

        system.awaitCaughtUp();
        List<String> timeline = new ArrayList<>();
        clerk.get("/api/requests/" + id).expect(200).json().get("timeline")
                .forEach(entry -> timeline.add(entry.get("detail").asText()));
        assertThat(timeline).contains(first + " 于 2025-09-30 邮寄送达", first + " 作废：申请人姓名录入有误");
    }

    @Test
    void aReceiptUnderThe2008RegulationSaysFifteenWorkingDaysAndUnderThe2019TwentyWorkingDays() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String old = register(clerk, agency, "2019-001", "周八", "2019-05-14");
        String current = register(clerk, agency, "2019-002", "吴九", "2019-05-15");
        JsonNode oldReceipt = clerk.post("/api/requests/" + old + "/notices",
                Map.of("kind", "RECEIPT", "issuedOn", "2019-05-14")).expect(201).json();
        JsonNode currentReceipt = clerk.post("/api/requests/" + current + "/notices",
                Map.of("kind", "RECEIPT", "issuedOn", "2019-05-15")).expect(201).json();
        assertThat(text(clerk.download(oldReceipt.get("download").asText()).expectOk()))
                .contains("15个工作日内予以答复", "第二十四条").doesNotContain("20个工作日");
        assertThat(text(clerk.download(currentReceipt.get("download").asText()).expectOk()))
                .contains("20个工作日内予以答复", "第三十三条").doesNotContain("15个工作日");
    }

    @Test
    void thePrintViewShowsTheNumberEscapesTheApplicantAndIsRefusedToAnotherAgency() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-102", "<script>alert('x')</script>", "2025-09-26");
        JsonNode receipt = clerk.post("/api/requests/" + id + "/notices",
                Map.of("kind", "RECEIPT", "issuedOn", "2025-09-26")).expect(201).json();
        String number = receipt.get("number").asText();
        JsonNode row = listed(clerk, id).get(number);
        String print = row.get("print").asText();
        assertThat(print).isEqualTo(path(id, number, ".html"));

        FoiApi.Response page = clerk.get(print).expect(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.body()).contains(number, "@page", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>");

        FoiApi stranger = system.agencyWithClerk(AllInOne.uniqueCode());
        assertThat(stranger.get(print).status()).isEqualTo(404);
        assertThat(stranger.post(path(id, number, "/void"), Map.of("reason", "不是我的")).status()).isEqualTo(404);
        assertThat(stranger.post(path(id, number, "/service"), Map.of("servedOn", "2025-09-26", "method", "DIRECT"))
                .status()).isEqualTo(404);
        assertThat(clerk.get(path(id, "nothing", ".html")).status()).isEqualTo(404);
    }

    @Test
    void aServiceFormIsIssuedWithoutLookingUpALayoutForIt() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-301", "赵六", "2025-09-26");
        String notices = "/api/requests/" + id + "/notices";
        String receipt = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-29")).expect(201).json()
                .get("number").asText();

        JsonNode form = clerk.post(notices, Map.of("kind", "SERVICE", "issuedOn", "2025-09-29",
                "servesNumber", receipt)).expect(201).json();

        assertThat(form.get("number").asText()).endsWith("依申公送〔2025〕1号");
        assertThat(form.get("templateVersion").asText()).as("the shipped templates' version, as before")
                .isEqualTo(NoticeTemplateStore.DEFAULT_VERSION);
        assertThat(listed(clerk, id)).containsKey(form.get("number").asText());
    }

    /** The real store, failing as a broken lookup would when asked for the layout of a 送达回证, which has none. */
    @Configuration(proxyBeanMethods = false)
    static class ServiceHasNoLayout {

        @Bean
        @Primary
        NoticeTemplateStore layoutsRefusingTheServiceForm(JdbcTemplate jdbc) {
            return new NoticeTemplateStore(jdbc) {
                @Override
                public Effective effective(String agencyCode, NoticeKind kind) {
                    if (kind == NoticeKind.SERVICE) {
                        throw new IllegalStateException("a 送达回证 has no layout to look up");
                    }
                    return super.effective(agencyCode, kind);
                }
            };
        }
    }
}
