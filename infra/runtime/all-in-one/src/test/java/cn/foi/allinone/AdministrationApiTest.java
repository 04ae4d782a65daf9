package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 机构调整 and user administration: agencies renamed and moved, users deactivated, reactivated and reassigned. */
class AdministrationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static String agency(String name, String parent) {
        String code = AllInOne.uniqueCode();
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        system.admin().post("/api/agencies", body).expect(201);
        return code;
    }

    private static FoiApi user(String role, String agency) {
        String name = role.toLowerCase() + "-" + AllInOne.uniqueCode().toLowerCase();
        Map<String, Object> body = new HashMap<>(Map.of("username", name, "password", "user-pass-12", "role", role));
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        system.admin().post("/api/users", body).expect(201);
        return system.anonymous().as(name, "user-pass-12");
    }

    private static String nameOf(FoiApi api) {
        return api.get("/api/session").expect(200).json().get("username").asText();
    }

    @Test
    void aRenamedAgencyShowsItsNewNameWhileAPastYearsReportKeepsTheNameOfThatYear() {
        String street = agency("甲街道办事处", null);
        FoiApi clerk = system.clerkOf(street);
        RequestLifecycleTest.register(clerk, street, "R-1", "2025-03-03");

        system.admin().patch("/api/agencies/" + street, Map.of("name", "甲街道办事处（更名后）")).expect(200);
        system.awaitCaughtUp();

        assertThat(clerk.get("/api/agencies/" + street).expect(200).json().get("name").asText())
                .isEqualTo("甲街道办事处（更名后）");
        JsonNode report2025 = clerk.get("/api/agencies/" + street + "/reports/2025").expect(200).json();
        assertThat(report2025.get("agencyName").asText()).isEqualTo("甲街道办事处");
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode reportNow = clerk.get("/api/agencies/" + street + "/reports/" + thisYear).expect(200).json();
        assertThat(reportNow.get("agencyName").asText()).isEqualTo("甲街道办事处（更名后）");
    }

    @Test
    void aMovedAgencyIsOverseenByTheSupervisorOfItsNewParentAndNoLongerByTheOld() {
        String oldDistrict = agency("旧区人民政府", null);
        String newDistrict = agency("新区人民政府", null);
        String street = agency("乙街道办事处", oldDistrict);
        FoiApi oldSupervisor = user("SUPERVISOR", oldDistrict);
        FoiApi newSupervisor = user("SUPERVISOR", newDistrict);
        system.awaitCaughtUp();
        assertThat(oldSupervisor.get("/api/agencies/" + street).status()).isEqualTo(200);
        assertThat(newSupervisor.get("/api/agencies/" + street).status()).isEqualTo(404);

        system.admin().patch("/api/agencies/" + street, Map.of("parentCode", newDistrict)).expect(200);
        system.awaitCaughtUp();

        assertThat(newSupervisor.get("/api/agencies/" + street).expect(200).json().get("parentCode").asText())
                .isEqualTo(newDistrict);
        assertThat(oldSupervisor.get("/api/agencies/" + street).status()).isEqualTo(404);
        assertThat(newSupervisor.get("/api/agencies/" + street + "/reports/2025?includeSubordinates=true").status())
                .isNotEqualTo(403);
    }

    @Test
    void anAgencyCannotBeMovedUnderItselfNorUnderOneOfItsOwnSubordinates() {
        String district = agency("丙区人民政府", null);
        String street = agency("丙街道办事处", district);
        String community = agency("丙社区", street);

        FoiApi.Response underGrandchild = system.admin().patch("/api/agencies/" + district,
                Map.of("parentCode", community));
        FoiApi.Response underItself = system.admin().patch("/api/agencies/" + district, Map.of("parentCode", district));
        FoiApi.Response unknownParent = system.admin().patch("/api/agencies/" + district,
                Map.of("parentCode", "NO-SUCH-AGENCY"));
        FoiApi.Response emptyName = system.admin().patch("/api/agencies/" + district, Map.of("name", "  "));
        FoiApi.Response longName = system.admin().patch("/api/agencies/" + district, Map.of("name", "名".repeat(201)));

        assertThat(underGrandchild.status()).isEqualTo(400);
        assertThat(underGrandchild.json().get("field").asText()).isEqualTo("parentCode");
        assertThat(underGrandchild.json().get("detail").asText()).contains("下级机关");
        assertThat(underItself.status()).isEqualTo(400);
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.json().get("detail").asText()).contains("不存在");
        assertThat(emptyName.status()).isEqualTo(400);
        assertThat(emptyName.json().get("field").asText()).isEqualTo("name");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(system.admin().patch("/api/agencies/NO-SUCH-AGENCY", Map.of("name", "某机关")).status())
                .isEqualTo(404);
        assertThat(system.clerkOf(street).patch("/api/agencies/" + street, Map.of("name", "经办人改名")).status())
                .isEqualTo(403);
    }

    @Test
    void aDeactivatedUsersSessionEndsAtOnceAndNeitherTheirPasswordNorBasicCredentialsSignInAgain() throws Exception {
        String street = agency("丁街道办事处", null);
        FoiApi clerk = user("CLERK", street);
        String username = nameOf(clerk);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(clerk.baseUrl() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", username, "password", "user-pass-12")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest withCookie = HttpRequest.newBuilder(URI.create(clerk.baseUrl() + "/api/session"))
                .header("Cookie", cookie).GET().build();
        assertThat(http.send(withCookie, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        system.admin().patch("/api/users/" + username, Map.of("active", false)).expect(200);

        assertThat(http.send(withCookie, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(clerk.get("/api/session").status()).isEqualTo(401);
        FoiApi.Response refused = system.anonymous().post("/api/session",
                Map.of("username", username, "password", "user-pass-12"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("已停用");
        JsonNode log = system.admin().get("/api/sign-ins?result=INACTIVE&username=" + username).expect(200).json();
        assertThat(log).isNotEmpty();
        system.awaitCaughtUp();
        JsonNode listed = findUser(username);
        assertThat(listed.get("active").asBoolean()).isFalse();

        system.admin().patch("/api/users/" + username, Map.of("active", true)).expect(200);

        assertThat(clerk.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void aChangedRoleOrAgencyEndsTheUsersSessionsAndTakesEffect() throws Exception {
        String street = agency("戊街道办事处", null);
        String other = agency("己街道办事处", null);
        FoiApi clerk = user("CLERK", street);
        String username = nameOf(clerk);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(clerk.baseUrl() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", username, "password", "user-pass-12")))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        system.admin().patch("/api/users/" + username, Map.of("agencyCode", other, "role", "SUPERVISOR"))
                .expect(200);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(clerk.baseUrl() + "/api/session"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        JsonNode me = clerk.get("/api/session").expect(200).json();
        assertThat(me.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(me.get("agencyCode").asText()).isEqualTo(other);
        FoiApi.Response noAgency = system.admin().patch("/api/users/" + username, Map.of("agencyCode", ""));
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(noAgency.json().get("field").asText()).isEqualTo("agencyCode");
        assertThat(system.admin().patch("/api/users/" + username, Map.of("role", "BOSS")).json().get("field")
                .asText()).isEqualTo("role");
    }

    @Test
    void anAdministratorCannotDeactivateThemselvesNorTheLastActiveAdministrator() {
        FoiApi second = user("ADMIN", null);
        String secondName = nameOf(second);
        String district = agency("庚区人民政府", null);

        FoiApi.Response self = system.admin().patch("/api/users/admin", Map.of("active", false));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asText()).contains("不能停用自己");

        second.patch("/api/users/admin", Map.of("active", false)).expect(200);
        try {
            // The second administrator is now the only active one: neither deactivated nor given another role.
            FoiApi.Response last = second.patch("/api/users/" + secondName, Map.of("active", false));
            assertThat(last.status()).as(last.body()).isEqualTo(409);
            assertThat(last.json().get("detail").asText()).contains("最后一位启用中的管理员");
            FoiApi.Response demoted = second.patch("/api/users/" + secondName,
                    Map.of("role", "SUPERVISOR", "agencyCode", district));
            assertThat(demoted.status()).as(demoted.body()).isEqualTo(409);
            assertThat(system.admin().get("/api/session").status()).isEqualTo(401);
        } finally {
            second.patch("/api/users/admin", Map.of("active", true)).expect(200);
        }
        assertThat(system.admin().get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void theOperationLogListsARegistrationAndADecisionWithTheirUserAndBusinessDate() throws Exception {
        String district = agency("辛区人民政府", null);
        String street = agency("辛街道办事处", district);
        FoiApi clerk = user("CLERK", street);
        String clerkName = nameOf(clerk);
        FoiApi supervisor = user("SUPERVISOR", district);
        FoiApi otherSupervisor = user("SUPERVISOR", agency("壬区人民政府", null));
        String id = RequestLifecycleTest.register(clerk, street, "LOG-1", "2025-03-03");
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2025-03-10"))
                .expect(200);
        system.awaitCaughtUp();

        FoiApi.Response listed = supervisor.get("/api/audit?user=" + clerkName).expect(200);
        JsonNode entries = listed.json();
        JsonNode decision = null;
        JsonNode registration = null;
        for (JsonNode entry : entries) {
            if (id.equals(entry.path("requestId").asText()) && "2025-03-10".equals(entry.path("businessDate").asText())) {
                decision = entry;
            }
            if (id.equals(entry.path("requestId").asText()) && "2025-03-03".equals(entry.path("businessDate").asText())) {
                registration = entry;
            }
        }
        assertThat(registration).as(entries.toString()).isNotNull();
        assertThat(decision).as(entries.toString()).isNotNull();
        assertThat(decision.get("username").asText()).isEqualTo(clerkName);
        assertThat(decision.get("caseNo").asText()).isEqualTo("LOG-1");
        assertThat(decision.get("agencyCode").asText()).isEqualTo(street);
        assertThat(decision.get("at").asText()).isNotBlank();
        assertThat(entries.toString()).contains("SIGN_IN").contains("登录成功");
        assertThat(listed.header("X-Total-Count")).isNotNull();

        assertThat(clerk.get("/api/audit").status()).isEqualTo(403);
        assertThat(otherSupervisor.get("/api/audit?agency=" + street).status()).isEqualTo(403);
        assertThat(otherSupervisor.get("/api/audit?user=" + clerkName).expect(200).json().toString())
                .doesNotContain(id);
        assertThat(system.admin().get("/api/audit?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
        FoiApi.Download sheet = system.admin().download("/api/audit.xlsx?user=" + clerkName);
        assertThat(sheet.expectOk().length).isGreaterThan(0);
        assertThat(sheet.contentType()).contains("spreadsheetml");
    }

    private static JsonNode findUser(String username) {
        for (JsonNode user : system.admin().get("/api/users").expect(200).json()) {
            if (user.get("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("user " + username + " not listed");
    }
}
