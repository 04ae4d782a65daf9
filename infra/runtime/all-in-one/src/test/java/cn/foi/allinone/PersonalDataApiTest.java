package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The applicant's ID number and phone: in full on the request page for the request's own agency, masked in every list
 * and for everybody else; a parent agency's supervisor may reveal them, and each reveal is recorded for the
 * administrators. None of it reaches the log.
 */
class PersonalDataApiTest {

    private static final String ID_NUMBER = "11010519900307123X";
    private static final String MASKED_ID = "110105********123X";
    private static final String PHONE = "13912345678";
    private static final String MASKED_PHONE = "139****5678";

    private static AllInOne system;
    private static CapturedLogs logs;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        logs = CapturedLogs.attach();
    }

    @AfterAll
    static void stop() {
        if (logs != null) {
            logs.close();
        }
        if (system != null) {
            system.close();
        }
    }

    /** A district with a street under it, the street's clerk and the district's supervisor. */
    private record Agencies(String district, String street, FoiApi clerk, FoiApi supervisor, String supervisorName) {
    }

    private static Agencies districtWithStreet() {
        FoiApi admin = system.admin();
        String district = AllInOne.uniqueCode();
        String street = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", district, "name", "某区人民政府")).expect(201);
        admin.post("/api/agencies", Map.of("code", street, "name", "某街道办事处", "parentCode", district)).expect(201);
        String supervisorName = "sup-" + district.toLowerCase();
        admin.post("/api/users", Map.of("username", supervisorName, "password", "super-pass-1", "role", "SUPERVISOR",
                "agencyCode", district)).expect(201);
        return new Agencies(district, street, system.clerkOf(street),
                system.anonymous().as(supervisorName, "super-pass-1"), supervisorName);
    }

    private static String register(FoiApi clerk, String agency, String caseNo) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", "李四", "idType", "居民身份证",
                                "idNumber", ID_NUMBER, "contact", PHONE),
                        "channel", "网络", "receivedOn", "2026-03-02",
                        "description", "申请公开某路段改造工程的招标文件"))
                .expect(201).json().get("id").asText();
    }

    @Test
    void theAgencysClerkSeesTheFullDataOnTheRequestPageAndMaskedDataInTheList() {
        Agencies agencies = districtWithStreet();
        String id = register(agencies.clerk(), agencies.street(), "P-1");
        system.awaitCaughtUp();

        JsonNode page = agencies.clerk().get("/api/requests/" + id).expect(200).json();
        assertThat(page.at("/applicant/idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(page.at("/applicant/contact").asText()).isEqualTo(PHONE);
        assertThat(page.at("/applicant/masked").asBoolean()).isFalse();

        JsonNode list = agencies.clerk().get("/api/agencies/" + agencies.street() + "/requests").expect(200).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).at("/applicant/idNumber").asText()).isEqualTo(MASKED_ID);
        assertThat(list.get(0).at("/applicant/contact").asText()).isEqualTo(MASKED_PHONE);
        assertThat(list.get(0).at("/applicant/masked").asBoolean()).isTrue();
        assertThat(list.toString()).doesNotContain(ID_NUMBER, PHONE);
        assertThat(agencies.clerk().get("/api/agencies/" + agencies.street() + "/requests?applicant=李四").body())
                .doesNotContain(ID_NUMBER, PHONE);
        assertThat(readsOf(id)).isZero();
    }

    @Test
    void aParentAgencysSupervisorSeesMaskedDataAndEachRevealIsRecordedForTheAdministrators() {
        Agencies agencies = districtWithStreet();
        String id = register(agencies.clerk(), agencies.street(), "P-2");
        system.awaitCaughtUp();

        FoiApi.Response masked = agencies.supervisor().get("/api/requests/" + id).expect(200);
        assertThat(masked.json().at("/applicant/idNumber").asText()).isEqualTo(MASKED_ID);
        assertThat(masked.json().at("/applicant/contact").asText()).isEqualTo(MASKED_PHONE);
        assertThat(masked.json().at("/applicant/masked").asBoolean()).isTrue();
        assertThat(masked.body()).as("the timeline's registration too").doesNotContain(ID_NUMBER, PHONE);
        assertThat(agencies.supervisor().get("/api/agencies/" + agencies.street() + "/requests").expect(200).body())
                .doesNotContain(ID_NUMBER, PHONE);
        assertThat(readsOf(id)).isZero();

        JsonNode revealed = agencies.supervisor().get("/api/requests/" + id + "?reveal=personal").expect(200).json();
        assertThat(revealed.at("/applicant/idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(revealed.at("/applicant/contact").asText()).isEqualTo(PHONE);
        assertThat(revealed.at("/applicant/masked").asBoolean()).isFalse();
        agencies.supervisor().get("/api/requests/" + id + "?reveal=personal").expect(200);

        FoiApi.Response reads = system.admin().get("/api/personal-data-reads?requestId=" + id).expect(200);
        assertThat(reads.header("X-Total-Count")).isEqualTo("2");
        JsonNode read = reads.json().get(0);
        assertThat(read.get("username").asText()).isEqualTo(agencies.supervisorName());
        assertThat(read.get("userRole").asText()).isEqualTo("SUPERVISOR");
        assertThat(read.get("userAgencyCode").asText()).isEqualTo(agencies.district());
        assertThat(read.get("requestAgencyCode").asText()).isEqualTo(agencies.street());
        assertThat(read.get("caseNo").asText()).isEqualTo("P-2");
        assertThat(read.get("readAt").asText()).isNotBlank();
        assertThat(read.get("remoteAddress").asText()).isNotBlank();
        assertThat(system.admin().get("/api/personal-data-reads?username=" + agencies.supervisorName()
                + "&size=1&page=1").expect(200).json()).hasSize(1);
        assertThat(system.admin().get("/api/personal-data-reads?agencyCode=" + agencies.district()).expect(200)
                .json()).as("filtered by the request's agency, not the reader's").isEmpty();

        assertThat(agencies.supervisor().get("/api/personal-data-reads").status()).isEqualTo(403);
        assertThat(agencies.clerk().get("/api/personal-data-reads").status()).isEqualTo(403);
    }

    @Test
    void theAgencysOwnUsersAreNotRecordedAndOtherAgenciesStillSeeNothing() {
        Agencies agencies = districtWithStreet();
        String id = register(agencies.clerk(), agencies.street(), "P-3");
        FoiApi otherClerk = system.agencyWithClerk(AllInOne.uniqueCode());
        system.awaitCaughtUp();

        assertThat(agencies.clerk().get("/api/requests/" + id + "?reveal=personal").expect(200).json()
                .at("/applicant/idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(readsOf(id)).as("the agency's own register is not a supervisor's read").isZero();

        assertThat(otherClerk.get("/api/requests/" + id).status()).isEqualTo(404);
        FoiApi.Response refused = otherClerk.get("/api/requests/" + id + "?reveal=personal");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain(ID_NUMBER, PHONE);
        assertThat(readsOf(id)).isZero();
    }

    @Test
    void anAdministratorSeesMaskedDataAndMayNotRevealIt() {
        Agencies agencies = districtWithStreet();
        String id = register(agencies.clerk(), agencies.street(), "P-4");
        system.awaitCaughtUp();

        FoiApi.Response page = system.admin().get("/api/requests/" + id).expect(200);
        assertThat(page.json().at("/applicant/idNumber").asText()).isEqualTo(MASKED_ID);
        FoiApi.Response reveal = system.admin().get("/api/requests/" + id + "?reveal=personal");
        assertThat(reveal.status()).isEqualTo(403);
        assertThat(reveal.body()).doesNotContain(ID_NUMBER, PHONE);
        assertThat(readsOf(id)).isZero();
    }

    @Test
    void anUnknownRevealOrBadPagingIsA400NamingTheParameter() {
        Agencies agencies = districtWithStreet();
        String id = register(agencies.clerk(), agencies.street(), "P-5");
        system.awaitCaughtUp();

        FoiApi.Response badReveal = agencies.supervisor().get("/api/requests/" + id + "?reveal=all");
        assertThat(badReveal.status()).isEqualTo(400);
        assertThat(badReveal.contentType()).startsWith("application/problem+json");
        assertThat(badReveal.json().get("field").asText()).isEqualTo("reveal");
        assertThat(readsOf(id)).isZero();

        FoiApi.Response badSize = system.admin().get("/api/personal-data-reads?size=0");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("field").asText()).isEqualTo("size");
        FoiApi.Response badRange = system.admin().get("/api/personal-data-reads?from=2026-03-02&to=2026-03-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.json().get("field").asText()).isEqualTo("to");
    }

    @Test
    void noFullIdNumberOrPhoneIsEverLogged() {
        Agencies agencies = districtWithStreet();
        String id = register(agencies.clerk(), agencies.street(), "P-6");
        system.awaitCaughtUp();
        agencies.supervisor().get("/api/requests/" + id + "?reveal=personal").expect(200);
        // A registration the system refuses, and one it cannot even read, both carrying the applicant's data.
        agencies.clerk().post("/api/agencies/" + agencies.street() + "/requests", Map.of("caseNo", "P-6",
                "applicant", Map.of("category", "自然人", "name", "李四", "idNumber", ID_NUMBER, "contact", PHONE),
                "channel", "网络", "receivedOn", "2026-03-02"));
        agencies.clerk().postRaw("/api/agencies/" + agencies.street() + "/requests", "{\"caseNo\": \"P-7\", "
                + "\"applicant\": {\"idNumber\": \"" + ID_NUMBER + "\", \"contact\": " + PHONE + "0x}");

        logs.assertSomeContains("read the applicant's full personal data of request " + id);
        logs.assertNoneContains(ID_NUMBER, PHONE, "李四");
    }

    private static long readsOf(String requestId) {
        return Long.parseLong(system.admin().get("/api/personal-data-reads?requestId=" + requestId).expect(200)
                .header("X-Total-Count"));
    }
}
