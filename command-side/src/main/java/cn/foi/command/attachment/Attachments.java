package cn.foi.command.attachment;

import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentRemoved;

/**
 * The request's record of its files, kept in the transaction of the command that adds or removes one, so that the
 * event, the record and the bytes change together or not at all.
 */
public interface Attachments {

    /** Claims the stored bytes for the request; refused when there are none under the event's key. */
    void keep(AttachmentAdded added);

    /** Marks the attachment removed and deletes its bytes. */
    void discard(AttachmentRemoved removed);
}
