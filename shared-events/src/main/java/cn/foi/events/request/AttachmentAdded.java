package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A file was kept with the request. The bytes are in the command side's attachment store under {@code attachmentId};
 * {@code sha256} (hex) proves which bytes they are, and {@code mediaType} is the type detected from the content, not
 * from the name.
 *
 * @param name    the file's name as sanitised when it was received (no path, no control characters)
 * @param addedOn the day it was kept, in the agency's time zone
 */
@Revision("1")
public record AttachmentAdded(String requestId, String attachmentId, AttachmentKind kind, String name,
                              String mediaType, long size, String sha256, LocalDate addedOn) implements RequestEvent {
}
