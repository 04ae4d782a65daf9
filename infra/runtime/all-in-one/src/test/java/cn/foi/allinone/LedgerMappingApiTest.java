package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, point 12: a ledger whose headers are the office's own words (受理日期, 答复日期, 申请人姓名/名称...). The
 * preview suggests our columns and shows the first rows as read; the import takes the clerk's mapping and remembers it
 * for the agency (not for others); a mapping that cannot be right is refused and nothing is stored.
 */
class LedgerMappingApiTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String OFFICE_HEADER = "编号,申请人类别,申请人姓名/名称,受理日期,答复结果,答复日期,经办人";
    /** What the clerk chooses for the office's headers. */
    private static final String MAPPING = "{\"编号\":\"case_no\",\"申请人类别\":\"申请人类型\",\"申请人姓名/名称\":\"applicant_name\","
            + "\"受理日期\":\"received_on\",\"答复结果\":\"outcome\",\"答复日期\":\"closed_on\",\"经办人\":\"忽略\"}";

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static byte[] officeLedger(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(OFFICE_HEADER).append("\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append('-').append(i).append(",自然人,申请人").append(i).append(",2025-03-")
                    .append(String.format("%02d", i)).append(",予以公开,2025-04-").append(String.format("%02d", i))
                    .append(",王经办\r\n");
        }
        return csv.toString().getBytes(GB18030);
    }

    private static String withMapping(String path, String mapping) {
        return path + (path.contains("?") ? "&" : "?") + "mapping=" + URLEncoder.encode(mapping, StandardCharsets.UTF_8);
    }

    private static int requestCount(FoiApi clerk, String agency) {
        system.awaitCaughtUp();
        return clerk.get("/api/agencies/" + agency + "/requests").expect(200).json().size();
    }

    private static long events() {
        return system.commandDatabase().queryForObject("select count(*) from domain_event_entry"
                + " where payload_type not like '%Overdue' and payload_type not like '%DeadlinePassed'", Long.class);
    }

    private static int remembered(String agency) {
        return system.commandDatabase().queryForObject("select count(*) from ledger_mapping where agency_code = ?",
                Integer.class, agency);
    }

    private static JsonNode column(JsonNode preview, String header) {
        for (JsonNode column : preview.get("columns")) {
            if (column.get("header").asText().equals(header)) {
                return column;
            }
        }
        throw new AssertionError("no column " + header + " in " + preview);
    }

    @Test
    void thePreviewOfAnOfficesLedgerSuggestsOurColumnsAndShowsTheFirstRowsAsReadWithoutStoringAnything() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String csv = OFFICE_HEADER + "\r\n" + "P-1,自然人,张三,2025年3月3日,予以公开,2025-03-20,王经办\r\n"
                + "P-2,自然人,李四,2025-02-30,,,王经办\r\n";
        StringBuilder more = new StringBuilder(csv);
        for (int i = 3; i <= 14; i++) {
            more.append("P-").append(i).append(",C2,某公司,2025-05-06,,,\r\n");
        }
        long before = events();

        JsonNode preview = clerk.upload("/api/agencies/" + agency + "/ledger/preview", "台账.csv",
                more.toString().getBytes(GB18030)).expect(200).json();

        assertThat(preview.get("headers")).extracting(JsonNode::asText)
                .containsExactly("编号", "申请人类别", "申请人姓名/名称", "受理日期", "答复结果", "答复日期", "经办人");
        JsonNode received = column(preview, "受理日期");
        assertThat(received.get("mappedTo").asText()).isEqualTo("received_on");
        assertThat(received.get("mappedToName").asText()).isEqualTo("收到日期");
        assertThat(received.get("source").asText()).isEqualTo("suggested");
        assertThat(received.get("suggested").get(0).get("column").asText()).isEqualTo("received_on");
        assertThat(column(preview, "答复日期").get("mappedTo").asText()).isEqualTo("closed_on");
        assertThat(column(preview, "申请人姓名/名称").get("mappedTo").asText()).isEqualTo("applicant_name");
        assertThat(column(preview, "编号").get("mappedTo").asText()).isEqualTo("case_no");
        assertThat(column(preview, "经办人").get("mappedTo").isNull()).isTrue();
        assertThat(preview.get("unmapped")).extracting(JsonNode::asText).containsExactly("经办人");
        assertThat(preview.get("missingRequired")).isEmpty();
        assertThat(preview.get("mapping").get("受理日期").asText()).isEqualTo("received_on");
        assertThat(preview.get("mapping").get("经办人").isNull()).isTrue();
        assertThat(preview.get("rememberedMapping").isNull()).isTrue();
        assertThat(preview.get("ourColumns").size()).isGreaterThanOrEqualTo(21);

        JsonNode rows = preview.get("rows");
        assertThat(rows.size()).isEqualTo(10);
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("values").get("received_on").asText()).isEqualTo("2025-03-03");
        assertThat(rows.get(0).get("values").get("applicant_name").asText()).isEqualTo("张三");
        assertThat(rows.get(0).get("errors")).isEmpty();
        assertThat(rows.get(1).get("values").get("received_on").isNull()).isTrue();
        assertThat(rows.get(1).get("errors").get(0).get("column").asText()).isEqualTo("收到日期");

        assertThat(events()).isEqualTo(before);
        assertThat(remembered(agency)).isZero();
        assertThat(requestCount(clerk, agency)).isZero();
    }

    @Test
    void aPreviewOfHeadersLikeNoneOfOursNamesTheRequiredColumnsMissing() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        JsonNode preview = clerk.upload("/api/agencies/" + agency + "/ledger/preview", "台账.csv",
                "甲,乙,丙\r\n1,2,3\r\n".getBytes(StandardCharsets.UTF_8)).expect(200).json();
        assertThat(preview.get("unmapped")).extracting(JsonNode::asText).containsExactly("甲", "乙", "丙");
        assertThat(preview.get("missingRequired")).extracting(c -> c.get("key").asText())
                .containsExactly("case_no", "applicant_category", "received_on");
        assertThat(preview.get("errors")).isNotEmpty();
        assertThat(preview.get("rows").get(0).get("errors")).isNotEmpty();
    }

    @Test
    void anOfficesGb18030LedgerIsRefusedWithoutAMappingAndImportedWithIt() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        byte[] ledger = officeLedger("G", 12);
        String path = "/api/agencies/" + agency + "/ledger";

        FoiApi.Response refused = clerk.upload(path, "台账.csv", ledger);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("请在导入页面为各列选择对应的本系统列");

        JsonNode dry = clerk.upload(withMapping(path + "?dryRun=true", MAPPING), "台账.csv", ledger).expect(200).json();
        assertThat(dry.get("rows").asInt()).isEqualTo(12);
        assertThat(dry.get("rememberedMapping").isNull()).as("a dry run remembers nothing").isTrue();
        assertThat(remembered(agency)).isZero();

        JsonNode done = clerk.upload(withMapping(path, MAPPING), "台账.csv", ledger).expect(200).json();
        assertThat(done.get("imported").asInt()).isEqualTo(12);
        assertThat(done.get("rememberedMapping").get("申请人类别").asText()).isEqualTo("applicant_category");
        assertThat(requestCount(clerk, agency)).isEqualTo(12);
        JsonNode request = clerk.get("/api/agencies/" + agency + "/requests?caseNo=G-7").expect(200).json().get(0);
        assertThat(request.get("receivedOn").asText()).isEqualTo("2025-03-07");
        JsonNode detail = clerk.get("/api/requests/" + request.get("id").asText()).expect(200).json();
        assertThat(detail.get("applicant").get("name").asText()).isEqualTo("申请人7");
        assertThat(detail.get("applicant").get("category").asText()).isEqualTo("自然人");
    }

    @Test
    void anOfficesXlsxLedgerIsImportedWithAMapping() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        byte[] ledger = XlsxLedger.of(List.of("受理号", "类型", "申请日期", "办结时间", "处理结果"),
                List.of(List.of(2025001, "自然人", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 20),
                        "本机关不掌握相关政府信息")));
        String mapping = "{\"受理号\":\"case_no\",\"类型\":\"applicant_category\",\"申请日期\":\"received_on\","
                + "\"办结时间\":\"closed_on\",\"处理结果\":\"outcome\"}";
        JsonNode preview = clerk.upload(withMapping("/api/agencies/" + agency + "/ledger/preview", mapping), "台账.xlsx",
                ledger).expect(200).json();
        assertThat(column(preview, "申请日期").get("source").asText()).isEqualTo("mapped");
        assertThat(preview.get("rows").get(0).get("values").get("received_on").asText()).isEqualTo("2025-03-03");

        clerk.upload(withMapping("/api/agencies/" + agency + "/ledger", mapping), "台账.xlsx", ledger).expect(200);
        XlsxLedger.assertCase2025001Imported(system, clerk, agency);
    }

    @Test
    void theMappingIsRememberedForTheAgencyAndUsedForItsNextFileButNotForAnotherAgency() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        clerk.upload(withMapping("/api/agencies/" + agency + "/ledger", MAPPING), "一月.csv", officeLedger("M1", 3))
                .expect(200);
        assertThat(remembered(agency)).isEqualTo(1);

        JsonNode preview = clerk.upload("/api/agencies/" + agency + "/ledger/preview", "二月.csv",
                officeLedger("M2", 2)).expect(200).json();
        assertThat(column(preview, "受理日期").get("source").asText()).isEqualTo("remembered");
        assertThat(preview.get("rememberedMapping").get("appliedTo")).extracting(JsonNode::asText)
                .contains("受理日期", "经办人");
        assertThat(preview.get("rememberedMapping").get("savedBy").asText()).isEqualTo("clerk-" + agency.toLowerCase());
        assertThat(preview.get("unmapped")).extracting(JsonNode::asText).containsExactly("经办人");

        JsonNode next = clerk.upload("/api/agencies/" + agency + "/ledger", "二月.csv", officeLedger("M2", 2))
                .expect(200).json();
        assertThat(next.get("imported").asInt()).isEqualTo(2);
        assertThat(requestCount(clerk, agency)).isEqualTo(5);

        String other = AllInOne.uniqueCode();
        FoiApi otherClerk = system.agencyWithClerk(other);
        assertThat(otherClerk.upload("/api/agencies/" + other + "/ledger/preview", "二月.csv", officeLedger("M2", 2))
                .expect(200).json().get("rememberedMapping").isNull()).isTrue();
        assertThat(otherClerk.upload("/api/agencies/" + other + "/ledger", "二月.csv", officeLedger("M2", 2)).status())
                .isEqualTo(422);
        assertThat(requestCount(otherClerk, other)).isZero();
    }

    @Test
    void aMappingThatCannotBeRightIsRefusedNamingItAndNothingIsStored() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        byte[] ledger = officeLedger("B", 3);
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {MAPPING.replace("\"closed_on\"", "\"answered_on\""), "“answered_on”不是本系统的台账列"});
        bad.add(new String[] {MAPPING.replace("\"closed_on\"", "\"received_on\""), "一列只能对应一个表头"});
        bad.add(new String[] {MAPPING.replace("}", ",\"收件日期\":\"忽略\"}"), "“收件日期”不在文件的表头中"});
        bad.add(new String[] {"{\"受理日期\":", "无法解析"});
        bad.add(new String[] {"[\"received_on\"]", "JSON 对象"});
        long before = events();
        for (String[] mapping : bad) {
            for (String path : List.of("/ledger", "/ledger?dryRun=true", "/ledger/preview")) {
                FoiApi.Response response = clerk.upload(withMapping("/api/agencies/" + agency + path, mapping[0]),
                        "台账.csv", ledger);
                assertThat(response.status()).as(path + " " + mapping[0] + ": " + response.body()).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("field").asText()).isEqualTo("mapping");
                assertThat(response.json().get("detail").asText()).contains(mapping[1]);
            }
        }
        // Mapping onto a column another header of the file already is: only the file can tell.
        byte[] own = ("受理编号,申请人类型,收到日期,受理日期\r\nO-1,自然人,2025-03-03,2025-03-04\r\n").getBytes(GB18030);
        FoiApi.Response clash = clerk.upload(withMapping("/api/agencies/" + agency + "/ledger",
                "{\"受理日期\":\"received_on\"}"), "台账.csv", own);
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.json().get("detail").asText()).contains("“收到日期”已是这一列");

        assertThat(events()).isEqualTo(before);
        assertThat(remembered(agency)).isZero();
        assertThat(requestCount(clerk, agency)).isZero();
    }
}
