package cn.foi.command.notice;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.events.agency.AgencyNoticeSettingsChanged;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each agency's notices print, kept in step with {@link AgencyNoticeSettingsChanged} by the subscribing directory
 * processor (in the transaction of the event). The number pattern and the remedy's names are inherited from the
 * nearest agency above that set them; the short name is the agency's own (a 街道 never prints its 区's short name).
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class NoticeSettings {

    /** The agency's settings as they apply, with the defaults filled in. */
    record Effective(String shortName, String numberPattern, String reconsiderationBody, String court) {
    }

    /** Deep enough for any real agency tree; it also ends a cycle, should one ever be recorded. */
    private static final int MAX_DEPTH = 30;

    private final JdbcTemplate jdbc;

    public NoticeSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencyNoticeSettingsChanged event) {
        jdbc.update("insert into notice_settings (agency_code, short_name, number_pattern, reconsideration_body, court) "
                        + "values (?, ?, ?, ?, ?) on conflict (agency_code) do update set short_name = excluded.short_name, "
                        + "number_pattern = excluded.number_pattern, reconsideration_body = excluded.reconsideration_body, "
                        + "court = excluded.court",
                event.code(), event.shortName(), event.numberPattern(), event.reconsiderationBody(), event.court());
    }

    Effective of(String agencyCode, NoticeTemplates defaults) {
        List<String[]> chain = jdbc.query("with recursive chain (code, parent_code, name, depth) as ("
                        + " select code, parent_code, name, 0 from agency_directory where code = ?"
                        + " union all select a.code, a.parent_code, a.name, c.depth + 1 from agency_directory a"
                        + " join chain c on a.code = c.parent_code where c.depth < " + MAX_DEPTH + ")"
                        + " select c.name, s.short_name, s.number_pattern, s.reconsideration_body, s.court"
                        + " from chain c left join notice_settings s on s.agency_code = c.code order by c.depth",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}, agencyCode);
        if (chain.isEmpty()) {
            throw new IllegalStateException("agency " + agencyCode + " is not in the directory");
        }
        String[] own = chain.get(0);
        return new Effective(own[1] != null ? own[1] : own[0],
                inherited(chain, 2, NoticeNumbers.DEFAULT_PATTERN),
                inherited(chain, 3, defaults.raw("remedy.reconsiderationBody")),
                inherited(chain, 4, defaults.raw("remedy.court")));
    }

    private static String inherited(List<String[]> chain, int column, String fallback) {
        return chain.stream().map(row -> row[column]).filter(value -> value != null).findFirst().orElse(fallback);
    }
}
