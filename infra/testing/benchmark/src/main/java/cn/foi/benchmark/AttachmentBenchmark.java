package cn.foi.benchmark;

import cn.foi.testsupport.FoiApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Attachments against a running all-in-one (a separate process on ./run.sh's heap): K clients upload a file each at
 * once, for a few rounds, first 1 MB files (the baseline), then 10 MB files. For each size it prints the server's heap
 * after a full GC before and after, the peak while uploading (whole heap and old generation, jstat every 0.2 s) and the
 * uploads per second. If the files were held in memory, the peak would grow tenfold with the size. Asserts nothing.
 */
public final class AttachmentBenchmark {

    private AttachmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandBenchmark.options(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        FoiApi admin = FoiApi.anonymous(url).as(options.getOrDefault("admin", "admin"),
                options.getOrDefault("password", "admin-pass-1"));
        int clients = Integer.parseInt(options.getOrDefault("k", "20"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        long pid = Long.parseLong(options.getOrDefault("pid", "0"));
        admin.awaitUp(Duration.ofMinutes(15)); // a loaded machine starts the all-in-one slowly

        admin.post("/api/agencies", Map.of("code", "ATTACH", "name", "基准测试机关 附件")).expect(201);
        admin.post("/api/users", Map.of("username", "attach", "password", "bench-pass-1", "role", "CLERK",
                "agencyCode", "ATTACH")).expect(201);
        FoiApi clerk = admin.as("attach", "bench-pass-1");
        List<String> requests = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            requests.add(clerk.post("/api/agencies/ATTACH/requests", Map.of("caseNo", "ATT-" + i,
                    "applicant", Map.of("category", "自然人", "name", "申请人" + i), "channel", "当面",
                    "receivedOn", "2025-09-26", "description", "附件基准测试")).expect(201).json().get("id").asText());
        }

        List<String> lines = new ArrayList<>();
        for (int megabytes : new int[] {1, 10}) {
            lines.add(phase(clerk, requests, rounds, megabytes, pid));
        }
        System.out.println();
        System.out.printf("== Attachment benchmark: %d clients upload at once, %d rounds, all-in-one pid %d ==%n",
                clients, rounds, pid);
        System.out.printf("%-10s %10s %10s %14s %14s %16s %14s%n", "file", "uploads", "per s", "heap before",
                "heap peak", "old gen peak", "heap after");
        lines.forEach(System.out::println);
        System.out.println("(heap before/after: used after a full GC (jcmd GC.run); peak: jstat every 0.2 s; MiB)");
    }

    private static String phase(FoiApi clerk, List<String> requests, int rounds, int megabytes, long pid)
            throws Exception {
        byte[] file = pdf(megabytes * 1024 * 1024);
        // A round before measuring: the upload path compiled and its buffers allocated once.
        if (megabytes == 1) {
            uploadAll(clerk, requests, file);
        }
        long before = Bench.heapAfterGc(pid);
        Bench.HeapSampler sampler = new Bench.HeapSampler(pid, 200);
        sampler.start();
        long start = System.nanoTime();
        int uploads = 0;
        for (int round = 0; round < rounds; round++) {
            uploads += uploadAll(clerk, requests, file);
        }
        double seconds = Bench.seconds(start);
        sampler.interrupt();
        sampler.join(2000);
        long after = Bench.heapAfterGc(pid);
        return String.format(Locale.ROOT, "%-10s %10d %10.1f %14d %14d %16d %14d", megabytes + " MB", uploads,
                uploads / seconds, before / 1024, sampler.peakKib.get() / 1024, sampler.oldPeakKib.get() / 1024,
                after / 1024);
    }

    private static int uploadAll(FoiApi clerk, List<String> requests, byte[] file) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Callable<Integer>> uploads = requests.stream().<Callable<Integer>>map(id -> () -> clerk.upload(
                    "/api/requests/" + id + "/attachments", "扫描件.pdf", file, Map.of("kind", "APPLICATION_SCAN"))
                    .expect(201).status()).toList();
            int done = 0;
            for (Future<Integer> upload : pool.invokeAll(uploads)) {
                upload.get();
                done++;
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A file Tika reads as a PDF: its header, random bytes (incompressible, like a scan), its trailer. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }
}
