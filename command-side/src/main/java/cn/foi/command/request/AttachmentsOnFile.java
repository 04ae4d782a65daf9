package cn.foi.command.request;

import cn.foi.command.shared.RuleViolation;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The files kept with the request (附件, docs/domain.md §1.9), as a value of the request: the names of those kept, by
 * attachment id, and the ids of those removed. An id is used once: a removed file is not kept again under its id, so the
 * record of its removal stays the last word on it. The request replaces this value in its event sourcing handlers.
 *
 * @param names   the names of the files kept, by attachment id (unmodifiable)
 * @param removed the ids of the files removed (unmodifiable)
 */
record AttachmentsOnFile(Map<String, String> names, Set<String> removed) {

    /** A request with no file kept. */
    static final AttachmentsOnFile NONE = new AttachmentsOnFile(Map.of(), Set.of());

    /** A file is kept once under its id, even after it was removed. */
    void requireNew(String attachmentId) {
        if (names.containsKey(attachmentId) || removed.contains(attachmentId)) {
            throw RuleViolation.conflict("ATTACHMENT_EXISTS", "该附件已经保存过");
        }
    }

    /** The name of the file to remove: one kept with this request and not removed already. */
    String nameOfRemovable(String attachmentId) {
        if (removed.contains(attachmentId)) {
            throw RuleViolation.conflict("ATTACHMENT_REMOVED", "该附件已被删除");
        }
        String name = names.get(attachmentId);
        if (name == null) {
            throw RuleViolation.notFound("ATTACHMENT_NOT_FOUND", "该申请没有这个附件");
        }
        return name;
    }

    // ---- the value after each event

    AttachmentsOnFile added(String attachmentId, String name) {
        Map<String, String> next = new HashMap<>(names);
        next.put(attachmentId, name);
        return new AttachmentsOnFile(Collections.unmodifiableMap(next), removed);
    }

    AttachmentsOnFile removedOne(String attachmentId) {
        Map<String, String> nextNames = new HashMap<>(names);
        nextNames.remove(attachmentId);
        Set<String> nextRemoved = new HashSet<>(removed);
        nextRemoved.add(attachmentId);
        return new AttachmentsOnFile(Collections.unmodifiableMap(nextNames),
                Collections.unmodifiableSet(nextRemoved));
    }
}
