package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.query.reminders.ReminderDigest;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system's reminders of a handler (the header's bell), marked read per user; the menu's counts over the user's
 * scope; the e-mail address of a user; and the daily digest, received by a real SMTP server in the JVM (GreenMail).
 * The office clock is set to a Monday morning, so that the deadlines of requests received weeks before have passed.
 */
class RemindersApiTest {

    private static final ZoneId OFFICE = FoiPlatformConfiguration.OFFICE_ZONE;
    private static final PersistentDeadlinesTest.ShiftedClock CLOCK = new PersistentDeadlinesTest.ShiftedClock(OFFICE);
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Instant MONDAY_MORNING = MONDAY.atTime(8, 30).atZone(OFFICE).toInstant();
    /** Received on 2026-10-12: due 2026-11-09, long overdue. */
    private static final String LONG_AGO = "2026-10-12";
    /** Received on 2026-11-11: due 2026-12-09, two working days after the Monday. */
    private static final String DUE_SOON = "2026-11-11";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static AllInOne system;

    @TestConfiguration(proxyBeanMethods = false)
    static class OfficeClockOfTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        CLOCK.setNow(MONDAY_MORNING);
        system = AllInOne.startFresh(Map.of(
                "spring.mail.host", "localhost",
                "spring.mail.port", String.valueOf(MAIL.getSmtp().getPort()),
                "foi.reminders.digest.from", "foi-system@example.gov.cn",
                // The test sends the digest itself, at the times it sets.
                "foi.reminders.digest.check-interval", "PT12H",
                // Requests entered after their deadlines are checked at once, not an hour later.
                "foi.deadlines.late-entry-grace", "PT1S"), OfficeClockOfTheTest.class);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static String registerFor(FoiApi clerk, String agency, String caseNo, String receivedOn, String handler) {
        String id = RequestLifecycleTest.register(clerk, agency, caseNo, receivedOn);
        clerk.post("/api/requests/" + id + "/assignment", Map.of("handler", handler)).expect(200);
        return id;
    }

    /** The user's reminders once the condition holds (the deadlines are found by the scheduler, seconds later). */
    private static JsonNode remindersOnceThey(FoiApi user, Predicate<JsonNode> condition) {
        return await("the reminders").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    system.awaitCaughtUp();
                    return user.get("/api/reminders").expect(200).json();
                }, condition);
    }

    private static List<String> caseNos(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.get("items").forEach(item -> numbers.add(item.get("caseNo").asText()));
        return numbers;
    }

    @Test
    void theHandlerSeesRemindersOfTheRequestsTheyHandleOnlyTheNewestFirst() throws Exception {
        String agency = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", agency, "name", "甲街道办事处")).expect(201);
        String mineName = "mine-" + agency.toLowerCase();
        FoiApi mine = system.clerkOf(agency, mineName);
        FoiApi other = system.clerkOf(agency, "other-" + agency.toLowerCase());
        String overdue = registerFor(mine, agency, "R-1", LONG_AGO, mineName);
        registerFor(mine, agency, "R-2", LONG_AGO, "other-" + agency.toLowerCase());
        String supplement = registerFor(mine, agency, "R-3", "2026-11-02", mineName);
        mine.post("/api/requests/" + supplement + "/supplement-request", Map.of("requestedOn", "2026-11-03",
                "dueOn", "2026-11-10", "items", "请写明所需信息的具体名称")).expect(200);
        registerFor(mine, agency, "R-4", MONDAY.toString(), mineName);

        JsonNode list = remindersOnceThey(mine, l -> l.get("total").asInt() == 2);

        assertThat(caseNos(list)).as("the newest first; another's request and one with nothing due are not listed")
                .containsExactly("R-3", "R-1");
        assertThat(list.get("unread").asInt()).isEqualTo(2);
        JsonNode supplementPassed = list.get("items").get(0);
        assertThat(supplementPassed.get("kind").asText()).isEqualTo("SUPPLEMENT_DEADLINE_PASSED");
        assertThat(supplementPassed.get("kindLabel").asText()).isEqualTo("补正期限已过");
        assertThat(supplementPassed.get("key").asText()).isEqualTo(supplement + ":SUPPLEMENT_DEADLINE_PASSED:2026-11-10");
        assertThat(supplementPassed.get("arisenOn").asText()).isEqualTo("2026-11-11");
        assertThat(supplementPassed.get("message").asText()).contains("R-3").contains("补正期限 2026-11-10");
        JsonNode late = list.get("items").get(1);
        assertThat(late.get("kind").asText()).isEqualTo("OVERDUE");
        assertThat(late.get("key").asText()).isEqualTo(overdue + ":OVERDUE:2026-11-09");
        assertThat(late.get("link").asText()).isEqualTo("/requests/" + overdue);
        assertThat(late.get("message").asText()).contains("R-1").contains("已逾期").contains("个工作日");
        assertThat(late.get("read").asBoolean()).isFalse();

        assertThat(caseNos(remindersOnceThey(other, l -> l.get("total").asInt() == 1))).containsExactly("R-2");
    }

    @Test
    void aRequestPastItsDueDateRingsTheBellAtOnceAndAPausedOneDoesNot() throws Exception {
        String agency = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", agency, "name", "丁街道办事处")).expect(201);
        String mineName = "mine-" + agency.toLowerCase();
        FoiApi mine = system.clerkOf(agency, mineName);
        String late = registerFor(mine, agency, "P-1", LONG_AGO, mineName);
        String paused = registerFor(mine, agency, "P-2", LONG_AGO, mineName);
        // 补正 asked for the day after receipt, due a week after the Monday: the clock stands still, nothing has passed.
        mine.post("/api/requests/" + paused + "/supplement-request", Map.of("requestedOn", "2026-10-13",
                "dueOn", "2026-12-14", "items", "请写明所需信息的具体名称")).expect(200);
        system.awaitCaughtUp();

        // Read as the list reads overdue: no waiting for the scheduler's overdue event.
        JsonNode list = mine.get("/api/reminders").expect(200).json();
        assertThat(list.get("total").asInt()).as("reminders: %s", list).isEqualTo(1);
        JsonNode overdue = list.get("items").get(0);
        assertThat(overdue.get("kind").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("kindLabel").asText()).isEqualTo("逾期未答复");
        assertThat(overdue.get("key").asText()).isEqualTo(late + ":OVERDUE:2026-11-09");
        assertThat(overdue.get("caseNo").asText()).isEqualTo("P-1");
        assertThat(list.get("unread").asInt()).isEqualTo(1);
        JsonNode badges = mine.get("/api/reminders/badges").expect(200).json();
        assertThat(badges.get("mineOverdue").asInt()).as("the paused one is not counted overdue").isEqualTo(1);
        assertThat(mine.get("/api/agencies/" + agency + "/requests?overdue=true").expect(200).json().size())
                .as("as the list's filter").isEqualTo(1);

        mine.post("/api/reminders/read", Map.of("keys", List.of(overdue.get("key").asText()))).expect(200);
        list = remindersOnceThey(mine, l -> l.get("unread").asInt() == 0);
        assertThat(list.get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(mine.get("/api/reminders/badges").expect(200).json().get("unreadReminders").asInt()).isZero();
    }

    @Test
    void aReadMarkIsTheUsersOwnAndAnotherUsersMarkChangesNothing() throws Exception {
        String agency = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", agency, "name", "乙街道办事处")).expect(201);
        String mineName = "mine-" + agency.toLowerCase();
        FoiApi mine = system.clerkOf(agency, mineName);
        FoiApi other = system.clerkOf(agency, "other-" + agency.toLowerCase());
        registerFor(mine, agency, "M-1", LONG_AGO, mineName);
        registerFor(mine, agency, "M-2", "2026-10-13", mineName);
        JsonNode list = remindersOnceThey(mine, l -> l.get("total").asInt() == 2);
        String first = list.get("items").get(0).get("key").asText();
        String second = list.get("items").get(1).get("key").asText();

        other.post("/api/reminders/read", Map.of("keys", List.of(first))).expect(200);
        system.awaitCaughtUp();
        assertThat(mine.get("/api/reminders").expect(200).json().get("unread").asInt())
                .as("another user's mark").isEqualTo(2);

        mine.post("/api/reminders/read", Map.of("keys", List.of(first))).expect(200);
        list = remindersOnceThey(mine, l -> l.get("unread").asInt() == 1);
        assertThat(list.get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(list.get("items").get(1).get("read").asBoolean()).isFalse();
        assertThat(mine.get("/api/reminders/badges").expect(200).json().get("unreadReminders").asInt()).isEqualTo(1);

        mine.post("/api/reminders/read", Map.of("keys", List.of(first, second))).expect(200);
        mine.post("/api/reminders/read", Map.of("keys", List.of(first, second))).expect(200);
        list = remindersOnceThey(mine, l -> l.get("unread").asInt() == 0);
        assertThat(list.get("total").asInt()).as("read reminders stay listed").isEqualTo(2);
    }

    @Test
    void aMarkOfAKeyTheSystemCouldNotHaveMadeIsRefusedNamingTheField() {
        FoiApi clerk = system.agencyWithClerk(AllInOne.uniqueCode());
        FoiApi.Response bad = clerk.post("/api/reminders/read", Map.of("keys", List.of("drop table")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("keys");
        assertThat(bad.json().get("detail").asText()).contains("提醒标识");

        FoiApi.Response none = clerk.post("/api/reminders/read", Map.of("keys", List.of()));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("detail").asText()).contains("keys");
        assertThat(clerk.post("/api/reminders/read", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void theMenuCountsCoverTheClerksAgencyAndTheSupervisorsSubtree() throws Exception {
        Office office = Office.of(system);
        String street = office.street();
        String sibling = office.sibling();
        FoiApi supervisor = office.supervisor();
        String clerkName = office.clerkName();
        FoiApi clerk = office.clerk();
        FoiApi siblingClerk = office.siblingClerk();
        registerFor(clerk, street, "B-1", LONG_AGO, clerkName);
        registerFor(clerk, street, "B-2", DUE_SOON, "clerk-" + street.toLowerCase());
        RequestLifecycleTest.register(clerk, street, "B-3", DUE_SOON);
        RequestLifecycleTest.register(clerk, street, "B-4", MONDAY.toString());
        RequestLifecycleTest.register(siblingClerk, sibling, "B-5", LONG_AGO);
        system.awaitCaughtUp();

        JsonNode mine = clerk.get("/api/reminders/badges").expect(200).json();
        assertThat(mine.get("overdue").asInt()).isEqualTo(1);
        assertThat(mine.get("dueSoon").asInt()).isEqualTo(2);
        assertThat(mine.get("mineOverdue").asInt()).isEqualTo(1);
        assertThat(mine.get("mineDueSoon").asInt()).isEqualTo(1);
        assertThat(mine.get("dueSoonWorkingDays").asInt()).isEqualTo(3);
        // The same figures as the list's own filters.
        assertThat(clerk.get("/api/agencies/" + street + "/requests?overdue=true").expect(200).json().size())
                .isEqualTo(1);
        assertThat(clerk.get("/api/agencies/" + street + "/requests?dueWithin=3").expect(200).json().size())
                .isEqualTo(2);

        JsonNode district0 = supervisor.get("/api/reminders/badges").expect(200).json();
        assertThat(district0.get("overdue").asInt()).isEqualTo(2);
        assertThat(district0.get("dueSoon").asInt()).isEqualTo(2);
        assertThat(district0.get("mineOverdue").asInt()).isZero();

        JsonNode siblings = siblingClerk.get("/api/reminders/badges").expect(200).json();
        assertThat(siblings.get("overdue").asInt()).isEqualTo(1);
        assertThat(siblings.get("dueSoon").asInt()).isZero();
    }

    @Test
    void anAdministratorSetsChecksAndClearsAUsersEmailAddress() {
        String agency = AllInOne.uniqueCode();
        system.agencyWithClerk(agency);
        String name = "clerk-" + agency.toLowerCase();
        FoiApi admin = system.admin();

        admin.patch("/api/users/" + name, Map.of("email", " wang.fang@jd.example.gov.cn ")).expect(200);
        system.awaitCaughtUp();
        assertThat(emailOf(name)).isEqualTo("wang.fang@jd.example.gov.cn");

        FoiApi.Response bad = admin.patch("/api/users/" + name, Map.of("email", "wang.fang@jd"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("email");
        assertThat(bad.json().get("detail").asText()).contains("电子邮箱");
        system.awaitCaughtUp();
        assertThat(emailOf(name)).as("unchanged").isEqualTo("wang.fang@jd.example.gov.cn");

        assertThat(system.anonymous().as(name, "clerk-pass-1").patch("/api/users/" + name,
                Map.of("email", "me@example.gov.cn")).status()).as("only an administrator").isEqualTo(403);

        admin.patch("/api/users/" + name, Map.of("email", "")).expect(200);
        system.awaitCaughtUp();
        assertThat(emailOf(name)).isNull();
    }

    private static String emailOf(String username) {
        for (JsonNode user : system.admin().get("/api/users").expect(200).json()) {
            if (user.get("username").asText().equals(username)) {
                return user.get("email").isNull() ? null : user.get("email").asText();
            }
        }
        throw new AssertionError("no user " + username);
    }

    @Test
    void theDailyDigestGoesOnceADayToEachHandlerWithAnAddressAndReminders() throws Exception {
        String agency = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", agency, "name", "丙街道办事处")).expect(201);
        String withReminders = "a-" + agency.toLowerCase();
        String withoutReminders = "b-" + agency.toLowerCase();
        String withoutAddress = "c-" + agency.toLowerCase();
        FoiApi a = system.clerkOf(agency, withReminders);
        FoiApi b = system.clerkOf(agency, withoutReminders);
        FoiApi c = system.clerkOf(agency, withoutAddress);
        registerFor(a, agency, "D-1", LONG_AGO, withReminders);
        registerFor(a, agency, "D-2", DUE_SOON, withReminders);
        registerFor(a, agency, "D-3", MONDAY.toString(), withReminders);
        registerFor(b, agency, "D-4", DUE_SOON, withoutReminders);
        registerFor(c, agency, "D-5", LONG_AGO, withoutAddress);
        system.admin().patch("/api/users/" + withReminders, Map.of("email", "a@jd.example.gov.cn")).expect(200);
        system.admin().patch("/api/users/" + withoutReminders, Map.of("email", "b@jd.example.gov.cn")).expect(200);
        remindersOnceThey(a, l -> l.get("total").asInt() == 1);
        remindersOnceThey(c, l -> l.get("total").asInt() == 1);
        ReminderDigest digest = system.bean(ReminderDigest.class);

        assertThat(digest.sendDue(MONDAY.atTime(7, 59))).as("before the office time").isZero();
        assertThat(digest.sendDue(LocalDate.of(2026, 12, 12).atTime(9, 0))).as("on a Saturday").isZero();
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        assertThat(digest.sendDue()).as("at the clock's 08:30 on the Monday").isEqualTo(1);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("a@jd.example.gov.cn");
        assertThat(mail.getSubject()).isEqualTo("政府信息公开申请办理提醒");
        String body = mail.getContent().toString();
        assertThat(body).contains(withReminders + "，您好").contains("逾期未答复（1 件）").contains("受理编号 D-1")
                .contains("答复期限 2026-11-09，已逾期").contains("3 个工作日内到期（1 件）").contains("受理编号 D-2")
                .contains("剩余 2 个工作日")
                .doesNotContain("D-3").doesNotContain("D-4").doesNotContain("D-5");

        assertThat(digest.sendDue()).as("the same day again").isZero();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(system.bean(cn.foi.query.persistence.QueryDatabase.class).jdbc().queryForObject(
                "select count(*) from reminder_digest_sent where username = ? and day = ?", Integer.class,
                withReminders, java.sql.Date.valueOf(MONDAY))).isEqualTo(1);
    }
}
