package cn.foi.query;

import cn.foi.embedded.EmbeddedPostgresServer;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.persistence.QueryDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What the query-side tests share: a database of their own on the embedded PostgreSQL, and the national dates. */
public final class TestFixtures {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private TestFixtures() {
    }

    /** A database of the shared embedded PostgreSQL, migrated: each test class names its own. */
    public static QueryDatabase database(String name) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        postgres.createDatabaseIfMissing(name);
        return new QueryDatabase(postgres.jdbcUrl(name), postgres.username(), postgres.password(), 2);
    }

    public static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Noon of the day in the offices' zone. */
    public static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(OFFICE_ZONE).toInstant(), OFFICE_ZONE);
    }

    /**
     * The national dates that ship with {@link WorkingDayCalendar} ({@code /calendar/cn-holidays.csv}), declared one
     * year at a time as an administrator would.
     */
    public static List<CalendarYearDeclared> nationalYears() {
        WorkingDayCalendar shipped = WorkingDayCalendar.national();
        return shipped.years().stream()
                .map(year -> new CalendarYearDeclared(year,
                        shipped.holidays().stream().filter(day -> day.getYear() == year).sorted().toList(),
                        shipped.makeUpWorkdays().stream().filter(day -> day.getYear() == year).sorted().toList(),
                        "国务院办公厅关于" + year + "年部分节假日安排的通知"))
                .toList();
    }

    public static RequestReceived received(String id, String agencyCode, String caseNo, String applicant,
                                           LocalDate receivedOn) {
        return new RequestReceived(id, agencyCode, caseNo,
                new Applicant(ApplicantCategory.C1, applicant, null, null, null), Channel.ONLINE, receivedOn,
                receivedOn, receivedOn, "申请公开某文件", 1, RequestedForm.ELECTRONIC);
    }
}
