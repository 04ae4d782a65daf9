package cn.foi.command.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which of our columns an office's own headers mean, as the clerk chose: header → column, or → nothing for a column the
 * import is to leave alone (忽略). Headers are compared as {@link LedgerColumn#fromHeader} compares them (spaces,
 * full-width letters and a trailing unit in brackets do not count).
 *
 * <p>Written as a JSON object, header → our column's key or Chinese name, {@code null}, "" or "忽略" to ignore one:
 * {@code {"受理日期":"received_on","经办人":"忽略"}}.
 */
public final class LedgerMapping {

    public static final LedgerMapping NONE = new LedgerMapping(Map.of());
    /** The word that maps a header to nothing. */
    public static final String IGNORE = "忽略";
    /** More headers than any ledger has: a bound on what one parameter may make the server hold. */
    static final int MAX_ENTRIES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** By header as written; the column empty for an ignored header. */
    private final Map<String, Optional<LedgerColumn>> entries;

    private LedgerMapping(Map<String, Optional<LedgerColumn>> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The mapping a clerk sent, checked: every target one of our columns, no column named twice, no header twice.
     *
     * @throws LedgerMappingException in Chinese, for the clerk
     */
    public static LedgerMapping parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LedgerMappingException("列对应关系应为 JSON 对象，如 {\"受理日期\":\"received_on\"}，无法解析");
        }
        if (node == null || !node.isObject()) {
            throw new LedgerMappingException("列对应关系应为 JSON 对象（文件表头 → 本系统列），如 {\"受理日期\":\"received_on\"}");
        }
        if (node.size() > MAX_ENTRIES) {
            throw new LedgerMappingException("列对应关系最多 " + MAX_ENTRIES + " 项");
        }
        Map<String, Optional<LedgerColumn>> entries = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode target = field.getValue();
            if (!target.isNull() && !target.isTextual()) {
                throw new LedgerMappingException("列对应关系中表头“" + field.getKey() + "”的对应列应为本系统列的键名或中文列名");
            }
            entries.put(field.getKey(), target(field.getKey(), target.isNull() ? null : target.asText()));
        }
        return of(entries);
    }

    /** A mapping from checked parts; the same checks as {@link #parse}. */
    static LedgerMapping of(Map<String, Optional<LedgerColumn>> given) {
        Map<String, Optional<LedgerColumn>> entries = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<LedgerColumn, String> targets = new EnumMap<>(LedgerColumn.class);
        given.forEach((header, column) -> {
            String form = LedgerColumn.headerForm(header);
            if (form.isEmpty()) {
                throw new LedgerMappingException("列对应关系中有空白的表头");
            }
            String before = headers.put(form, header);
            if (before != null) {
                throw new LedgerMappingException("列对应关系中表头“" + before + "”和“" + header + "”是同一列，只能对应一次");
            }
            column.ifPresent(c -> {
                String other = targets.put(c, header);
                if (other != null) {
                    throw new LedgerMappingException("列对应关系把表头“" + other + "”和“" + header + "”都对应到了“"
                            + c.chineseName() + "”：一列只能对应一个表头");
                }
            });
            entries.put(header, column);
        });
        return entries.isEmpty() ? NONE : new LedgerMapping(entries);
    }

    private static Optional<LedgerColumn> target(String header, String target) {
        if (target == null || target.isBlank() || target.strip().equals(IGNORE) || target.strip().equals("ignore")) {
            return Optional.empty();
        }
        return Optional.of(LedgerColumn.fromHeader(target).orElseThrow(() -> new LedgerMappingException(
                "列对应关系中表头“" + header + "”对应的“" + target + "”不是本系统的台账列；可用列的键名或中文列名，"
                        + "或“" + IGNORE + "”")));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Map<String, Optional<LedgerColumn>> entries() {
        return entries;
    }

    /** The entry for a file's header, compared as headers are; null when the mapping says nothing of it. */
    Optional<LedgerColumn> find(String header) {
        String form = LedgerColumn.headerForm(header == null ? "" : header);
        if (form.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Optional<LedgerColumn>> entry : entries.entrySet()) {
            if (LedgerColumn.headerForm(entry.getKey()).equals(form)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** As the API and the stored mapping write it: header → column key, null for an ignored header. */
    public Map<String, String> toKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        entries.forEach((header, column) -> keys.put(header, column.map(LedgerColumn::key).orElse(null)));
        return keys;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toKeys());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerMapping mapping && mapping.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "LedgerMapping" + toKeys();
    }
}
