package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.util.UriUtils;

/**
 * Notices (ADR 19) through the API, on the real PostgreSQL and Kafka: issued only when the request's state calls for
 * them, numbered without gaps even when issued at once, kept byte for byte, shown in the timeline.
 */
class NoticesApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static String register(FoiApi clerk, String agency, String caseNo, String applicant) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", applicant), "channel", "当面",
                        "receivedOn", "2025-09-26", "description", "申请公开本街道2024年度老旧小区改造资金使用情况"))
                .expect(201).json().get("id").asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void anAnswerIsIssuedOnlyAfterTheDecisionAndItsDocumentIsKeptExactly() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-001", "李四");
        String notices = "/api/requests/" + id + "/notices";

        FoiApi.Response early = clerk.post(notices, Map.of("kind", "ANSWER", "issuedOn", "2025-10-09"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.body()).contains("尚未作出答复");
        clerk.post(notices, Map.of("kind", "SUPPLEMENT", "issuedOn", "2025-10-09")).expect(409);

        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_3_1", "decidedOn", "2025-10-09"))
                .expect(200);
        FoiApi.Response created = clerk.post(notices, Map.of("kind", "ANSWER", "issuedOn", "2025-10-10")).expect(201);
        JsonNode answer = created.json();
        String number = agency + " 街道办事处依申公〔2025〕1号";
        assertThat(answer.get("number").asText()).isEqualTo(number);
        assertThat(answer.get("kind").asText()).isEqualTo("ANSWER");
        assertThat(answer.get("issuedOn").asText()).isEqualTo("2025-10-10");
        assertThat(answer.get("templateVersion").asText()).isEqualTo("default-1");

        String download = notices + "/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8) + ".docx";
        assertThat(answer.get("download").asText()).isEqualTo(download);
        assertThat(created.header("Location")).isEqualTo(download);
        FoiApi.Download file = clerk.download(download);
        byte[] bytes = file.expectOk();
        assertThat(file.contentType()).startsWith("application/vnd.openxmlformats-officedocument");
        assertThat(sha256(bytes)).isEqualTo(answer.get("sha256").asText());
        assertThat(text(bytes)).contains(number, "李四：", "第十四条", "国家秘密", "申请行政复议");
        assertThat(clerk.get(download).header("Content-Disposition"))
                .contains("attachment", "filename*=UTF-8''")
                .contains(UriUtils.encode("政府信息公开申请答复书", StandardCharsets.UTF_8));

        // The event carries the same hash as the bytes kept.
        String stored = system.commandDatabase().queryForObject("select convert_from(payload, 'UTF8') "
                + "from domain_event_entry where aggregate_identifier = ? and payload_type like '%NoticeIssued'",
                String.class, id);
        assertThat(stored).contains(sha256(bytes));

        JsonNode listed = clerk.get(notices).expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("number").asText()).isEqualTo(number);
        assertThat(listed.get(0).get("sha256").asText()).isEqualTo(sha256(bytes));

        system.awaitCaughtUp();
        List<String> timeline = new ArrayList<>();
        clerk.get("/api/requests/" + id).expect(200).json().get("timeline")
                .forEach(entry -> timeline.add(entry.get("detail").asText()));
        assertThat(timeline).contains("出具《政府信息公开申请答复书》 " + number);
    }

    @Test
    void anUnknownKindOrADateNotYetComeIsRefusedNamingTheFieldAndNothingIsStored() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-002", "王五");
        String notices = "/api/requests/" + id + "/notices";

        FoiApi.Response unknown = clerk.post(notices, Map.of("kind", "LETTER", "issuedOn", "2025-10-09"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("kind");
        FoiApi.Response future = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("field").asText()).isEqualTo("issuedOn");
        assertThat(clerk.get(notices).expect(200).json()).isEmpty();
        assertThat(system.commandDatabase().queryForObject("select count(*) from notice_series n "
                + "where n.agency_code = ?", Long.class, agency)).isZero();
    }

    @Test
    void anotherAgencysClerkNeitherListsNorDownloadsTheNotices() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-003", "赵六");
        JsonNode receipt = clerk.post("/api/requests/" + id + "/notices",
                Map.of("kind", "RECEIPT", "issuedOn", "2025-09-26")).expect(201).json();
        assertThat(receipt.get("number").asText()).isEqualTo(agency + " 街道办事处依申公收〔2025〕1号");

        FoiApi stranger = system.agencyWithClerk(AllInOne.uniqueCode());
        stranger.get("/api/requests/" + id + "/notices").expect(404);
        assertThat(stranger.download(receipt.get("download").asText()).status()).isEqualTo(404);
        assertThat(clerk.download("/api/requests/" + id + "/notices/nothing.docx").status()).isEqualTo(404);
    }

    @Test
    void anAgencyPrintsItsShortNameAndItsParentsPatternAndRemedy() throws Exception {
        String parent = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", parent, "name", "某区人民政府")).expect(201);
        system.admin().post("/api/agencies/" + parent + "/notice-settings", Map.of(
                "numberPattern", "{机关简称}信公{类别}〔{年}〕第{序号}号", "reconsiderationBody", "某市人民政府",
                "court", "某市某区人民法院")).expect(200);
        String agency = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", agency, "name", "某区某街道办事处", "parentCode", parent))
                .expect(201);
        FoiApi clerk = system.clerkOf(agency);
        system.admin().post("/api/agencies/" + agency + "/notice-settings", Map.of("shortName", "某街")).expect(200);
        FoiApi.Response incomplete = system.admin().post("/api/agencies/" + agency + "/notice-settings",
                Map.of("numberPattern", "某街〔{年}〕{序号}号"));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("field").asText()).isEqualTo("numberPattern");

        String id = register(clerk, agency, "2025-010", "孙七");
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_4_1", "decidedOn", "2025-10-09"))
                .expect(200);
        JsonNode answer = clerk.post("/api/requests/" + id + "/notices",
                Map.of("kind", "ANSWER", "issuedOn", "2025-10-09")).expect(201).json();

        assertThat(answer.get("number").asText()).isEqualTo("某街信公〔2025〕第1号");
        String text = text(clerk.download(answer.get("download").asText()).expectOk());
        assertThat(text).contains("某街信公〔2025〕第1号", "某区某街道办事处", "第三十六条第四项",
                "60日内向某市人民政府申请行政复议", "6个月内向某市某区人民法院提起行政诉讼");
    }

    @Test
    void twentyReceiptsIssuedAtOnceTakeTheNumbersOneToTwentyWithoutGapOrDuplicate() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        List<String> ids = IntStream.rangeClosed(1, 20)
                .mapToObj(n -> register(clerk, agency, "2025-C" + n, "申请人" + n)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<JsonNode>> issues = ids.stream().<Callable<JsonNode>>map(id -> () -> clerk.post(
                    "/api/requests/" + id + "/notices", Map.of("kind", "RECEIPT", "issuedOn", "2025-09-26"))
                    .expect(201).json()).toList();
            List<Integer> sequences = new ArrayList<>();
            for (Future<JsonNode> issued : pool.invokeAll(issues)) {
                sequences.add(issued.get().get("sequence").asInt());
            }
            assertThat(sequences).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(system.commandDatabase().queryForList("select sequence from notice_document "
                        + "where agency_code = ? and kind = 'RECEIPT' and series_year = 2025 order by sequence",
                Integer.class, agency)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    }
}
