package cn.foi.command.attachment;

import cn.foi.events.request.AttachmentKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Keeping a file with a request and removing it again; the bytes are in the {@link AttachmentStore} already. */
public final class AttachmentCommands {

    private AttachmentCommands() {
    }

    /** {@code attachmentId} is the key the store wrote the bytes under; size and hash are the store's. */
    public record AddAttachment(@TargetAggregateIdentifier String requestId, String attachmentId, AttachmentKind kind,
                                String name, String mediaType, long size, String sha256) {
    }

    public record RemoveAttachment(@TargetAggregateIdentifier String requestId, String attachmentId, String reason) {
    }
}
