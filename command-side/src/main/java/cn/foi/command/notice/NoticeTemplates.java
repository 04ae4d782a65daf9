package cn.foi.command.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The shipped default texts (notices/default-templates.properties), with their placeholders filled from a request's
 * facts. An unknown placeholder is an error, not an empty gap in a letter.
 */
final class NoticeTemplates {

    static final NoticeTemplates DEFAULT = load("/notices/default-templates.properties");

    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", null, null,
            false);

    private final Properties texts;

    private NoticeTemplates(Properties texts) {
        this.texts = texts;
    }

    private static NoticeTemplates load(String resource) {
        try (InputStream in = NoticeTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new NoticeTemplates(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return texts.getProperty("template.version");
    }

    /** The raw text of a key, for values that are themselves settings (the generic remedy wording). */
    String raw(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no notice text " + key);
        }
        return text;
    }

    /** The value naming the 条例 a request is answered under ("2008" or "2019"). */
    static final String REGULATION = "regulation";

    /**
     * The text of a key with its placeholders filled; the value of a placeholder is never read as a placeholder. For a
     * request under the 2008 条例 a key {@code KEY.2008} replaces {@code KEY} where the templates have it: the periods
     * (15 working days, extended by at most 15) and the articles differ, the layout does not.
     */
    String fill(String key, Map<String, String> values) {
        String regulated = key + "." + values.get(REGULATION);
        String chosen = texts.containsKey(regulated) ? regulated : key;
        return PLACEHOLDERS.replacePlaceholders(raw(chosen), name -> {
            String value = values.get(name);
            if (value != null) {
                return value.replace("${", "＄{");
            }
            if (texts.containsKey(name)) {
                return fill(name, values);
            }
            throw new IllegalStateException("no value for ${" + name + "} in notice text " + key);
        });
    }
}
