package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A kept file was removed, for the reason given; its bytes are deleted and no longer downloadable. The event repeats
 * the file's name so that the timeline can say what was removed.
 */
@Revision("1")
public record AttachmentRemoved(String requestId, String attachmentId, String name, String reason,
                                LocalDate removedOn) implements RequestEvent {
}
