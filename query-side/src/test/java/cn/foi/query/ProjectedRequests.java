package cn.foi.query;

import cn.foi.events.request.RequestEvent;
import cn.foi.query.calendar.CalendarProjection;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.reminders.Reminders;
import cn.foi.query.request.RequestProjection;
import cn.foi.query.request.RequestQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The request projection and the calendar projection on a database of the test class's own, as the tests of what a
 * request's view shows need them: events are delivered one after the other as the event stream would, and the queries
 * are asked on a day of the test's choosing.
 */
public final class ProjectedRequests implements AutoCloseable {

    private final QueryDatabase database;
    private final ObjectMapper json = TestFixtures.json();
    private final RequestProjection requests;
    private final CalendarProjection calendarProjection;
    private final AgencyCalendars calendar;
    private final Instant firstEventAt;
    private int sequence;

    /**
     * @param databaseName the test class's own database
     * @param firstEventAt when the first delivered event was stored; each next one a second later
     */
    public ProjectedRequests(String databaseName, Instant firstEventAt) {
        this.database = TestFixtures.database(databaseName);
        this.requests = new RequestProjection(database, new BatchedWrites(database), json);
        this.calendarProjection = new CalendarProjection(database);
        this.calendar = new AgencyCalendars(database);
        this.firstEventAt = firstEventAt;
    }

    /** No request, and the national dates that ship with the system declared: a fresh start for each test. */
    public void resetToShippedCalendar() {
        requests.reset();
        calendarProjection.reset();
        TestFixtures.nationalYears().forEach(calendarProjection::on);
        sequence = 0;
    }

    /** Hands the events to the request projection in order, with rising sequence numbers, as a clerk's. */
    public void deliver(RequestEvent... events) {
        for (RequestEvent event : events) {
            requests.on(event, sequence, firstEventAt.plusSeconds(sequence), "clerk");
            sequence++;
        }
    }

    /** The calendar projection, for a test that declares more dates. */
    public CalendarProjection calendar() {
        return calendarProjection;
    }

    /** The queries as they answer on the given day. */
    public RequestQueries queriesOn(LocalDate today) {
        return new RequestQueries(database, json, calendar, TestFixtures.clockOn(today));
    }

    /** The reminders (the header's bell, the menu's counts) as they answer on the given day. */
    public Reminders remindersOn(LocalDate today) {
        return new Reminders(database, calendar, TestFixtures.clockOn(today));
    }

    /** The filter of an agency's list that leaves every request in. */
    public static RequestQueries.Filter anyRequest() {
        return new RequestQueries.Filter(null, null, null, null, null, null, null, null, null);
    }

    public ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        database.destroy();
    }
}
