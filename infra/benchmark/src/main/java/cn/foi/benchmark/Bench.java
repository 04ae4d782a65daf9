package cn.foi.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks share: elapsed time and the process's memory as the kernel counts it. */
final class Bench {

    private Bench() {
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A field of /proc/self/status in KiB (VmHWM: the peak resident set), or -1 where there is none. */
    static long statusKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
