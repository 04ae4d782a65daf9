package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notice templates (ADR 22) through the API, on the real PostgreSQL and Kafka: an administrator downloads a layout,
 * edits it as Word would, uploads it for a district; its streets issue in it, notices issued before keep their bytes,
 * bad files are refused in Chinese, a preview takes no number.
 */
class NoticeTemplatesApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static String register(FoiApi clerk, String agency, String caseNo) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", "王五"), "channel", "当面",
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

    /** The layout as an administrator would change it in Word. */
    private static byte[] edited(byte[] docx, Consumer<XWPFDocument> edit) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(document);
            document.write(out);
            return out.toByteArray();
        }
    }

    /** Replaces a word in the run that holds it. */
    private static Consumer<XWPFDocument> replace(String from, String to) {
        return document -> {
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                for (XWPFRun run : paragraph.getRuns()) {
                    String text = run.getText(0);
                    if (text != null && text.contains(from)) {
                        run.setText(text.replace(from, to), 0);
                    }
                }
            }
        };
    }

    private static JsonNode kind(JsonNode list, String kind) {
        return StreamSupport.stream(list.get("kinds").spliterator(), false)
                .filter(k -> k.get("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("不是 Word 文档".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aDistrictsEditedTemplateIsUsedByItsStreetsAndNoticesIssuedBeforeKeepTheirBytes() throws Exception {
        FoiApi admin = system.admin();
        String district = AllInOne.uniqueCode();
        String street = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", district, "name", "某区人民政府办公室")).expect(201);
        admin.post("/api/agencies", Map.of("code", street, "name", "某街道办事处", "parentCode", district)).expect(201);
        FoiApi clerk = system.clerkOf(street);
        String id = register(clerk, street, "2025-T01");
        String notices = "/api/requests/" + id + "/notices";

        JsonNode before = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-26")).expect(201).json();
        assertThat(before.get("templateVersion").asText()).isEqualTo("default-1");
        byte[] beforeBytes = clerk.download(before.get("download").asText()).expectOk();
        assertThat(sha256(beforeBytes)).isEqualTo(before.get("sha256").asText());

        String templates = "/api/agencies/" + district + "/notice-templates";
        JsonNode list = admin.get(templates).expect(200).json();
        assertThat(kind(list, "RECEIPT").get("source").asText()).isEqualTo("DEFAULT");
        byte[] layout = admin.download(templates + "/RECEIPT.docx").expectOk();
        assertThat(text(layout)).contains("{{文号}}", "{{正文}}", "{{落款机关}}");

        byte[] edited = edited(layout, replace("{{称谓}}：", "尊敬的{{称谓}}："));
        JsonNode uploaded = admin.upload(templates + "/RECEIPT", "回执.docx", edited).expect(201).json();
        assertThat(uploaded.get("versionId").asText()).isEqualTo(district + "-RECEIPT-v1");
        assertThat(uploaded.get("sha256").asText()).isEqualTo(sha256(edited));

        // The street has no layout of its own: it issues in its district's.
        JsonNode streetList = admin.get("/api/agencies/" + street + "/notice-templates").expect(200).json();
        JsonNode streetReceipt = kind(streetList, "RECEIPT");
        assertThat(streetReceipt.get("source").asText()).isEqualTo("INHERITED");
        assertThat(streetReceipt.get("sourceAgencyCode").asText()).isEqualTo(district);
        assertThat(streetReceipt.get("version").asText()).isEqualTo(district + "-RECEIPT-v1");
        assertThat(kind(streetList, "ANSWER").get("source").asText()).isEqualTo("DEFAULT");

        JsonNode after = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-27")).expect(201).json();
        assertThat(after.get("templateVersion").asText()).isEqualTo(district + "-RECEIPT-v1");
        String afterText = text(clerk.download(after.get("download").asText()).expectOk());
        assertThat(afterText).contains("尊敬的王五：", after.get("number").asText(), "某街道办事处", "2025年9月27日")
                .doesNotContain("{{");

        // The notice issued before the upload is unchanged, byte for byte.
        byte[] again = clerk.download(before.get("download").asText()).expectOk();
        assertThat(sha256(again)).isEqualTo(before.get("sha256").asText());
        assertThat(text(again)).doesNotContain("尊敬的");

        JsonNode listed = clerk.get(notices).expect(200).json();
        assertThat(listed.findValuesAsText("templateVersion")).containsExactly("default-1", district + "-RECEIPT-v1");

        JsonNode history = kind(admin.get(templates).expect(200).json(), "RECEIPT").get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("uploadedBy").asText()).isEqualTo("admin");
        assertThat(history.get(0).get("current").asBoolean()).isTrue();
        assertThat(history.get(0).get("noticesIssued").asInt()).isEqualTo(1);

        // Back to the shipped layout: the street follows.
        admin.post(templates + "/RECEIPT/revert", Map.of()).expect(200);
        assertThat(kind(admin.get("/api/agencies/" + street + "/notice-templates").expect(200).json(), "RECEIPT")
                .get("source").asText()).isEqualTo("DEFAULT");
        JsonNode reverted = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-28")).expect(201).json();
        assertThat(reverted.get("templateVersion").asText()).isEqualTo("default-1");
        FoiApi.Response nothingToRevert = admin.post(templates + "/RECEIPT/revert", Map.of());
        assertThat(nothingToRevert.status()).isEqualTo(409);
        assertThat(nothingToRevert.body()).contains("没有自己的");
    }

    @Test
    void aTemplateThatIsNoWordDocumentOrLacksOrInventsTagsIsRefusedInChinese() throws Exception {
        FoiApi admin = system.admin();
        String agency = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", agency, "name", "某区人民政府办公室")).expect(201);
        String upload = "/api/agencies/" + agency + "/notice-templates/FEE";
        byte[] layout = admin.download("/api/agencies/" + agency + "/notice-templates/FEE.docx").expectOk();

        FoiApi.Response noNumber = admin.upload(upload, "收费.docx", edited(layout, replace("{{文号}}", "文号")));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.contentType()).startsWith("application/problem+json");
        assertThat(noNumber.body()).contains("缺少必填标签", "{{文号}}");

        FoiApi.Response unknown = admin.upload(upload, "收费.docx", edited(layout, replace("{{日期}}", "{{收费金额}}")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("无法识别的标签", "{{收费金额}}");

        FoiApi.Response zip = admin.upload(upload, "收费.docx", zip());
        assertThat(zip.status()).isEqualTo(415);
        assertThat(zip.body()).contains("不是 Word 文档");
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(admin.upload(upload, "收费.docx", exe).status()).isEqualTo(415);

        FoiApi.Response large = admin.upload(upload, "收费.docx", new byte[3 * 1024 * 1024]);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.body()).contains("上限");

        // Nothing was stored: the agency still uses the shipped layout.
        JsonNode fee = kind(admin.get("/api/agencies/" + agency + "/notice-templates").expect(200).json(), "FEE");
        assertThat(fee.get("source").asText()).isEqualTo("DEFAULT");
        assertThat(fee.get("history")).isEmpty();
    }

    @Test
    void onlyAdministratorsAndTheAgencysSupervisorManageTemplates() throws Exception {
        FoiApi admin = system.admin();
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String templates = "/api/agencies/" + agency + "/notice-templates";
        byte[] layout = admin.download(templates + "/RECEIPT.docx").expectOk();

        assertThat(clerk.get(templates).status()).isEqualTo(403);
        assertThat(clerk.download(templates + "/RECEIPT.docx").status()).isEqualTo(403);
        FoiApi.Response refused = clerk.upload(templates + "/RECEIPT", "回执.docx", layout);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("管理员或本机关主管");

        String supervisor = "sup-" + agency.toLowerCase();
        admin.post("/api/users", Map.of("username", supervisor, "password", "super-pass-1", "role", "SUPERVISOR",
                "agencyCode", agency)).expect(201);
        FoiApi own = system.anonymous().as(supervisor, "super-pass-1");
        own.upload(templates + "/RECEIPT", "回执.docx", layout).expect(201);
        String other = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", other, "name", "另一机关")).expect(201);
        assertThat(own.get("/api/agencies/" + other + "/notice-templates").status()).isEqualTo(403);
    }

    @Test
    void aPreviewFillsTheTemplateWithTheRequestButTakesNoNumber() throws Exception {
        FoiApi admin = system.admin();
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-P01");
        String notices = "/api/requests/" + id + "/notices";
        JsonNode first = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-26")).expect(201).json();
        assertThat(first.get("sequence").asInt()).isEqualTo(1);

        byte[] preview = clerk.download(notices + "/preview.docx?kind=RECEIPT").expectOk();
        assertThat(text(preview)).contains("（预览）", "王五：", "申请接收回执").doesNotContain("{{");

        String templates = "/api/agencies/" + agency + "/notice-templates";
        byte[] candidate = edited(admin.download(templates + "/RECEIPT.docx").expectOk(),
                replace("{{称谓}}：", "{{称谓}}同志："));
        FoiApi.Response tried = admin.upload(templates + "/RECEIPT/preview?requestId=" + id, "回执.docx", candidate);
        assertThat(tried.status()).isEqualTo(200);
        FoiApi.Response answerTooEarly = clerk.get(notices + "/preview.docx?kind=ANSWER");
        assertThat(answerTooEarly.status()).isEqualTo(409);
        assertThat(answerTooEarly.body()).contains("尚未作出答复");

        // The candidate was not published and no number was taken.
        assertThat(kind(admin.get(templates).expect(200).json(), "RECEIPT").get("source").asText())
                .isEqualTo("DEFAULT");
        JsonNode next = clerk.post(notices, Map.of("kind", "RECEIPT", "issuedOn", "2025-09-27")).expect(201).json();
        assertThat(next.get("sequence").asInt()).isEqualTo(2);
        assertThat(clerk.get(notices).expect(200).json()).hasSize(2);
    }
}
