package cn.foi.command.web;

import cn.foi.platform.web.InvalidInputException;
import java.util.Optional;
import java.util.function.Function;

/** Reads a value type from the text of a field, or says which values the field accepts. */
final class Inputs {

    private Inputs() {
    }

    static <T> T parse(String text, String field, Function<String, Optional<T>> reader, String allowed) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return reader.apply(text).orElseThrow(() -> new InvalidInputException(field,
                "字段 " + field + " 的值“" + text + "”无效，可选值：" + allowed));
    }

    static <T> T required(String text, String field, Function<String, Optional<T>> reader, String allowed,
                          String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "请填写" + what + "（字段 " + field + "）");
        }
        return parse(text, field, reader, allowed);
    }
}
