package cn.foi.command.attachment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A file's name as a browser sends it, made safe to keep, to show and to offer back as a download name: no folders
 * (neither {@code ../} nor {@code C:\}), no control or invisible formatting characters (a right-to-left override turns
 * "exe.pdf" around), none of the characters Windows forbids, no device names, not too long. Chinese stays as it is.
 */
public final class AttachmentNames {

    /** In characters (code points), the extension included. */
    static final int MAX_LENGTH = 100;
    private static final int MAX_EXTENSION = 10;
    private static final String FALLBACK = "附件";
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9");

    private AttachmentNames() {
    }

    public static String sanitise(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        name = trim(kept.toString());
        String extension = AttachmentTypes.extension(name);
        String base = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        if (extension.length() > MAX_EXTENSION) {
            base = name;
            extension = "";
        }
        if (DEVICES.contains(base.toUpperCase(Locale.ROOT))) {
            base = "_" + base;
        }
        int room = MAX_LENGTH - (extension.isEmpty() ? 0 : extension.codePointCount(0, extension.length()) + 1);
        if (base.codePointCount(0, base.length()) > room) {
            base = trim(base.substring(0, base.offsetByCodePoints(0, room)));
        }
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        return extension.isEmpty() ? base : base + "." + extension;
    }

    /** Spaces and dots at either end: a leading dot hides a file, a trailing one Windows drops. */
    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == ' ' || name.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == ' ' || name.charAt(end - 1) == '.')) {
            end--;
        }
        return name.substring(start, end);
    }
}
