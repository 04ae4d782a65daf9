package cn.foi.allinone;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Exit;

/**
 * The all-in-one's own {@code main}, then a fault from inside the process ({@code foi.test.fault}): {@code heap} fills
 * the heap until an OutOfMemoryError, {@code kafka} ends the process as Kafka's fault handlers do on a fault the broker
 * cannot survive ({@code Exit.halt}). Run as a process of its own by {@link FatalErrorsTest}.
 */
public final class FaultyAllInOne {

    static final String STARTED = "FOI TEST: STARTED";

    private FaultyAllInOne() {
    }

    public static void main(String[] args) throws Exception {
        AllInOneApplication.main(args);
        System.out.println(STARTED);
        System.out.flush();
        switch (System.getProperty("foi.test.fault", "none")) {
            case "heap" -> {
                Thread eater = new Thread(FaultyAllInOne::fillTheHeap, "heap-eater");
                eater.start();
            }
            case "kafka" -> Exit.halt(1, "test: a fault the broker cannot survive");
            default -> {
                // PostgreSQL is killed from outside
            }
        }
    }

    private static void fillTheHeap() {
        List<long[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new long[128 * 1024]);
        }
    }
}
