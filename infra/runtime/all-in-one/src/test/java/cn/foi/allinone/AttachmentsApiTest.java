package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.util.UriUtils;

/**
 * Attachments (ADR 20) through the API on the real PostgreSQL: the same bytes back, types told by their content,
 * executables and archives refused whatever their names, the size limit, sanitised names, the request's access rules,
 * removal with a reason.
 */
class AttachmentsApiTest {

    // A small limit, so that "too large" needs no huge file; the round trip still spans many 256 KiB chunks.
    @RegisterExtension
    static final AllInOne system = AllInOne.perClass(Map.of("foi.attachments.max-size", "4MB"));

    private static String register(FoiApi clerk, String agency, String caseNo) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", "李四"), "channel", "当面",
                        "receivedOn", "2025-09-26", "description", "申请公开本街道2024年度老旧小区改造资金使用情况"))
                .expect(201).json().get("id").asText();
    }

    private static FoiApi.Response upload(FoiApi clerk, String id, String name, byte[] content, String kind) {
        return clerk.upload("/api/requests/" + id + "/attachments", name, content, Map.of("kind", kind));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long storedContents() {
        return system.commandDatabase().queryForObject("select count(*) from attachment_content", Long.class);
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nstream\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] docx() throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("政府信息公开申请答复书");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** GB/T 33190: the entry file OFD.xml at the root of the package, the document below it. */
    private static byte[] ofd() throws Exception {
        return zip(new java.util.LinkedHashMap<>(Map.of(
                "OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
                        + "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                        + "</ofd:DocBody></ofd:OFD>",
                "Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document "
                        + "xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")));
    }

    /** The first bytes of a 64-bit Linux executable: magic, class, data, version, type EXEC, machine x86-64. */
    private static byte[] elf() {
        byte[] bytes = new byte[4096];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** A DOS stub pointing at a PE header, as every Windows .exe starts. */
    private static byte[] pe() {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        bytes[0x84] = 0x4c;
        bytes[0x85] = 0x01;
        return bytes;
    }

    private static byte[] rar() {
        byte[] bytes = new byte[1024];
        byte[] head = {'R', 'a', 'r', '!', 0x1a, 0x07, 0x00};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    @Test
    void aMultiMegabyteFileComesBackByteForByteWithItsHashAndShowsInTheTimeline() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A01");
        byte[] scan = pdf(3 * 1024 * 1024 + 12345);

        FoiApi.Response created = upload(clerk, id, "申请书（李四）.pdf", scan, "APPLICATION_SCAN").expect(201);
        JsonNode body = created.json();
        assertThat(body.get("name").asText()).isEqualTo("申请书（李四）.pdf");
        assertThat(body.get("size").asLong()).isEqualTo(scan.length);
        assertThat(body.get("sha256").asText()).isEqualTo(sha256(scan));
        assertThat(body.get("kind").asText()).isEqualTo("APPLICATION_SCAN");
        assertThat(body.get("kindLabel").asText()).isEqualTo("申请书扫描件");
        assertThat(body.get("mediaType").asText()).isEqualTo("application/pdf");
        String download = "/api/requests/" + id + "/attachments/" + body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo(download);

        FoiApi.Download file = clerk.download(download);
        assertThat(file.expectOk()).isEqualTo(scan);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(clerk.get(download).header("Content-Disposition")).contains("attachment", "filename*=UTF-8''")
                .contains(UriUtils.encode("申请书（李四）.pdf", StandardCharsets.UTF_8));

        JsonNode listed = clerk.get("/api/requests/" + id + "/attachments").expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sha256").asText()).isEqualTo(sha256(scan));
        assertThat(listed.get(0).get("download").asText()).isEqualTo(download);

        system.awaitCaughtUp();
        List<String> timeline = new ArrayList<>();
        clerk.get("/api/requests/" + id).expect(200).json().get("timeline")
                .forEach(entry -> timeline.add(entry.get("detail").asText()));
        assertThat(timeline).contains("上传附件《申请书（李四）.pdf》（申请书扫描件）");

        // The ledger lists the request's notices and attachments as counts, after the documented columns.
        String[] ledger = new String(clerk.download("/api/agencies/" + agency + "/ledger.csv").expectOk(),
                StandardCharsets.UTF_8).split("\r\n");
        assertThat(ledger[0]).endsWith(",文书数,附件数");
        assertThat(ledger[1]).startsWith("2025-A01,").endsWith(",0,1");
    }

    @Test
    void documentsImagesOfdAndTextAreAcceptedAndServedAsTheirContentSays() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A02");
        Map<String, String> types = new java.util.LinkedHashMap<>();
        types.put("image/png", upload(clerk, id, "身份证.png", png(), "IDENTITY_PROOF").expect(201)
                .json().get("mediaType").asText());
        types.put("docx", upload(clerk, id, "答复书.docx", docx(), "ANSWER_AS_SERVED").expect(201)
                .json().get("mediaType").asText());
        // Named .zip, but it is an OFD: the content decides.
        types.put("ofd", upload(clerk, id, "答复书.zip", ofd(), "ANSWER_AS_SERVED").expect(201)
                .json().get("mediaType").asText());
        types.put("utf-8", upload(clerk, id, "说明.txt", "申请人补充说明：请提供2024年度资料。".getBytes(StandardCharsets.UTF_8),
                "OTHER").expect(201).json().get("mediaType").asText());
        types.put("gb18030", upload(clerk, id, "说明.txt", "申请人补充说明：请提供2024年度资料。".getBytes(
                Charset.forName("GB18030")), "OTHER").expect(201).json().get("mediaType").asText());

        assertThat(types).containsExactly(Map.entry("image/png", "image/png"),
                Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Map.entry("ofd", "application/ofd"), Map.entry("utf-8", "text/plain;charset=UTF-8"),
                Map.entry("gb18030", "text/plain;charset=GB18030"));
        JsonNode listed = clerk.get("/api/requests/" + id + "/attachments").expect(200).json();
        assertThat(listed).hasSize(5);
        FoiApi.Download gb18030 = clerk.download(listed.get(4).get("download").asText());
        assertThat(gb18030.contentType()).isEqualTo("text/plain;charset=GB18030");
        assertThat(new String(gb18030.expectOk(), Charset.forName("GB18030"))).isEqualTo("申请人补充说明：请提供2024年度资料。");
    }

    @Test
    void executablesAndArchivesAreRefusedWhateverTheirNamesAndNothingIsStored() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A03");
        long before = storedContents();

        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("答复书.pdf", elf());
        refused.put("身份证.png", pe());
        refused.put("材料.pdf", zip(Map.of("a.txt", "内容")));
        refused.put("材料.docx", rar());
        refused.put("run.sh", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8));
        refused.put("脚本.bat", "del /q C:\\*\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] unknown = new byte[8192];
        new Random(3).nextBytes(unknown);
        refused.put("数据.txt", unknown);
        for (Map.Entry<String, byte[]> file : refused.entrySet()) {
            FoiApi.Response response = upload(clerk, id, file.getKey(), file.getValue(), "OTHER");
            assertThat(response.status()).as(file.getKey()).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).as(file.getKey()).startsWith("不能上传");
        }
        assertThat(upload(clerk, id, "答复书.pdf", elf(), "OTHER").json().get("detail").asText())
                .contains("可执行程序");
        assertThat(upload(clerk, id, "材料.pdf", rar(), "OTHER").json().get("detail").asText()).contains("压缩包");

        assertThat(storedContents()).isEqualTo(before);
        assertThat(clerk.get("/api/requests/" + id + "/attachments").expect(200).json()).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A04");
        long before = storedContents();

        FoiApi.Response response = upload(clerk, id, "扫描件.pdf", pdf(5 * 1024 * 1024), "APPLICATION_SCAN");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("4 MB", "未保存");
        assertThat(storedContents()).isEqualTo(before);
        assertThat(clerk.get("/api/requests/" + id + "/attachments").expect(200).json()).isEmpty();
    }

    @Test
    void aNameWithFoldersAndControlCharactersIsKeptSanitised() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A05");

        JsonNode created = upload(clerk, id, "../../etc/送达\u0001回证\u202e?.pdf", pdf(2048), "SERVICE_RECEIPT")
                .expect(201).json();
        assertThat(created.get("name").asText()).isEqualTo("送达回证_.pdf");
        JsonNode blank = upload(clerk, id, "..\\..\\ ", pdf(2048), "SERVICE_RECEIPT").expect(201).json();
        assertThat(blank.get("name").asText()).isEqualTo("附件");
    }

    @Test
    void aKindIsRequiredAndMustBeKnown() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A06");
        FoiApi.Response unknown = upload(clerk, id, "a.pdf", pdf(2048), "PHOTO");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("kind");
        FoiApi.Response missing = clerk.upload("/api/requests/" + id + "/attachments", "a.pdf", pdf(2048));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("kind");
        // The Chinese label is read as well as the key.
        upload(clerk, id, "a.pdf", pdf(2048), "送达回证").expect(201);
    }

    @Test
    void anotherAgencysClerkNeitherListsNorDownloadsNorAddsNorRemoves() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A07");
        String download = upload(clerk, id, "身份证明.pdf", pdf(4096), "IDENTITY_PROOF").expect(201).json()
                .get("download").asText();

        FoiApi stranger = system.agencyWithClerk(AllInOne.uniqueCode());
        stranger.get("/api/requests/" + id + "/attachments").expect(404);
        assertThat(stranger.download(download).status()).isEqualTo(404);
        assertThat(upload(stranger, id, "x.pdf", pdf(2048), "OTHER").status()).isEqualTo(404);
        assertThat(stranger.post(download + "/removal", Map.of("reason", "试试")).status()).isEqualTo(404);
        assertThat(clerk.get("/api/requests/" + id + "/attachments").expect(200).json()).hasSize(1);
        assertThat(system.anonymous().download(download).status()).isEqualTo(401);
    }

    @Test
    void aRemovalNeedsAReasonAndAfterItTheContentIsGone() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2025-A08");
        JsonNode created = upload(clerk, id, "身份证.png", png(), "IDENTITY_PROOF").expect(201).json();
        String download = created.get("download").asText();

        FoiApi.Response noReason = clerk.post(download + "/removal", Map.of("reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        clerk.download(download).expectOk();

        JsonNode removed = clerk.post(download + "/removal", Map.of("reason", "误传了其他申请人的身份证明")).expect(200).json();
        assertThat(removed.get("removed").asBoolean()).isTrue();
        assertThat(removed.get("removalReason").asText()).isEqualTo("误传了其他申请人的身份证明");

        FoiApi.Download gone = clerk.download(download);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("误传了其他申请人的身份证明");
        assertThat(system.commandDatabase().queryForObject("select count(*) from attachment_chunk where content_id = "
                + "?::uuid", Long.class, created.get("id").asText())).isZero();
        assertThat(clerk.post(download + "/removal", Map.of("reason", "再删一次")).status()).isEqualTo(409);
        assertThat(clerk.post("/api/requests/" + id + "/attachments/" + java.util.UUID.randomUUID() + "/removal",
                Map.of("reason", "没有这个附件")).status()).isEqualTo(404);

        system.awaitCaughtUp();
        List<String> timeline = new ArrayList<>();
        clerk.get("/api/requests/" + id).expect(200).json().get("timeline")
                .forEach(entry -> timeline.add(entry.get("detail").asText()));
        assertThat(timeline).contains("上传附件《身份证.png》（身份证明）", "删除附件《身份证.png》，理由：误传了其他申请人的身份证明");
    }
}
