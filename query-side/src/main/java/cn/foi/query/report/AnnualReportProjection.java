package cn.foi.query.report;

import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.AnnualReportRepublished;
import cn.foi.events.report.PublishedReport;
import cn.foi.events.report.ReportTextsEntered;
import cn.foi.events.report.Table2FiguresEntered;
import cn.foi.query.persistence.QueryDatabase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table 二, the texts and the published versions of each agency's annual reports. Idempotent: an entry replaces the
 * previous one whole, and a version is keyed by its number.
 */
@Component
@ProcessingGroup(AnnualReportProjection.PROCESSING_GROUP)
@AllowReplay
public class AnnualReportProjection {

    public static final String PROCESSING_GROUP = "annual-reports";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AnnualReportProjection(QueryDatabase database, ObjectMapper json) {
        this.jdbc = database.jdbc();
        this.json = json;
    }

    /** What the agency entered for the year. */
    public record Entry(String template, Map<String, BigDecimal> table2, String overview, String problems,
                        String otherMatters) {
    }

    /** One published version, frozen. */
    public record Publication(int version, String template, String contentHash, PublishedReport report, String reason,
                              Instant publishedAt, String publishedBy) {
    }

    @EventHandler
    void on(Table2FiguresEntered event) {
        jdbc.update("insert into report_entry (agency_code, year, template, table2) values (?, ?, ?, cast(? as jsonb)) "
                        + "on conflict (agency_code, year) do update set template = excluded.template, "
                        + "table2 = excluded.table2", event.agencyCode(), event.year(), event.template(),
                write(event.figures()));
    }

    @EventHandler
    void on(ReportTextsEntered event) {
        jdbc.update("insert into report_entry (agency_code, year, overview, problems, other_matters) "
                        + "values (?, ?, ?, ?, ?) on conflict (agency_code, year) do update set "
                        + "overview = excluded.overview, problems = excluded.problems, "
                        + "other_matters = excluded.other_matters", event.agencyCode(), event.year(), event.overview(),
                event.problems(), event.otherMatters());
    }

    @EventHandler
    void on(AnnualReportPublished event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue("actor") String actor) {
        publication(event.agencyCode(), event.year(), event.version(), event.template(), event.contentHash(),
                event.report(), null, at, actor);
    }

    @EventHandler
    void on(AnnualReportRepublished event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue("actor") String actor) {
        publication(event.agencyCode(), event.year(), event.version(), event.template(), event.contentHash(),
                event.report(), event.reason(), at, actor);
    }

    private void publication(String agency, int year, int version, String template, String hash,
                             PublishedReport report, String reason, Instant at, String actor) {
        jdbc.update("insert into report_publication (agency_code, year, version, template, content_hash, report, "
                        + "reason, published_at, published_by) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) "
                        + "on conflict do nothing", agency, year, version, template, hash, write(report), reason,
                Timestamp.from(at), actor);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_entry, report_publication");
    }

    public Optional<Entry> entry(String agency, int year) {
        return jdbc.query("select template, table2, overview, problems, other_matters from report_entry "
                        + "where agency_code = ? and year = ?",
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2) == null ? null : figures(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)), agency, year).stream().findFirst();
    }

    /** Every published version, the first first. */
    public List<Publication> publications(String agency, int year) {
        return jdbc.query("select version, template, content_hash, report, reason, published_at, published_by "
                        + "from report_publication where agency_code = ? and year = ? order by version",
                (rs, n) -> new Publication(rs.getInt(1), rs.getString(2), rs.getString(3),
                        read(rs.getString(4), PublishedReport.class), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)), agency, year);
    }

    private Map<String, BigDecimal> figures(String text) {
        try {
            return json.readValue(text, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                    BigDecimal.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable Table 二 in the projection", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable report in the projection", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
