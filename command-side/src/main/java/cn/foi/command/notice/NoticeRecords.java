package cn.foi.command.notice;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import java.sql.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a notice's service and voiding beside its document, for the notice list, by the subscribing directory processor
 * in the transaction of the event. The last service record stands (a later one corrects it); the document's bytes are
 * never touched.
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class NoticeRecords {

    private final JdbcTemplate jdbc;

    public NoticeRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NoticeServed event) {
        jdbc.update("update notice_document set served_on = ?, service_method = ?, service_recipient = ? "
                        + "where request_id = ? and number = ?", Date.valueOf(event.servedOn()), event.method().name(),
                event.recipient(), event.requestId(), event.number());
    }

    @EventHandler
    void on(NoticeVoided event) {
        jdbc.update("update notice_document set voided_on = ?, void_reason = ? where request_id = ? and number = ?",
                Date.valueOf(event.voidedOn()), event.reason(), event.requestId(), event.number());
    }
}
