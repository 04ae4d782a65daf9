package cn.foi.events.request;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading a value type from its key or its Chinese label, the two spellings clerks and ledgers use. */
final class Labels {
    private Labels() {
    }

    static <E extends Enum<E>> Optional<E> find(E[] values, String text, Function<E, String> label) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values)
                .filter(v -> v.name().equalsIgnoreCase(wanted) || label.apply(v).equals(wanted))
                .findFirst();
    }

    static <E extends Enum<E>> String describe(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.joining("、"));
    }
}
