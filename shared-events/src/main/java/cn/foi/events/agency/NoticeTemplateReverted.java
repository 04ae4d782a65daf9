package cn.foi.events.agency;

import cn.foi.events.request.NoticeKind;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An agency gave up its own layout for one kind of notice: it issues that kind in the layout inherited from the
 * nearest agency above it, or the shipped one (ADR 22). Its uploaded versions stay in the history.
 */
@Revision("1")
public record NoticeTemplateReverted(String code, NoticeKind kind, String revertedBy, Instant revertedAt) {
}
