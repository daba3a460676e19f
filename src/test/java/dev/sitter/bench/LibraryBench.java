package dev.sitter.bench;

import dev.sitter.imaging.PngChunks;
import dev.sitter.imaging.PngText;
import dev.sitter.library.GenerationFacts;
import dev.sitter.library.Library;
import dev.sitter.library.Query;
import dev.sitter.library.Samples;
import dev.sitter.library.VerifyReport;
import dev.sitter.model.PromptSpec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Library benchmarks, run by bench/library.sh:
 * <pre>
 *   generate DIR N            record N small assets (fsync off: building the fixture, not measuring it)
 *   query DIR                 time 'ls --character' and 'find --seed' queries in a fresh JVM
 *   record DIR N PIXELS       time N durable recordings of PIXELSxPIXELS PNGs into DIR (fsync on)
 *   verify DIR                time a full verify and report its hash rate
 * </pre>
 */
public final class LibraryBench {
    static final int CHARACTERS = 20;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "query" -> query(Path.of(args[1]));
            case "record" -> record(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "verify" -> verify(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Unique, valid PNGs made cheaply: one small base image plus a counter chunk. */
    static void generate(Path dir, int n) throws Exception {
        if (!Boolean.getBoolean("sitter.library.nosync")) throw new IllegalStateException("run with -Dsitter.library.nosync=true");
        Library lib = Library.open(dir);
        byte[] base = Samples.png(8, 8, 1);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            byte[] png = PngChunks.splice(base, c -> false, List.of(PngText.tEXt("n", Integer.toString(i))));
            lib.record(png, spec(i), facts(i));
            if ((i + 1) % 10_000 == 0) System.err.printf("  %d recorded (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("generated %d records in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    static PromptSpec spec(int i) {
        return Samples.spec("char" + (i % CHARACTERS), 1_000_000L + i).toBuilder()
                .recipe(new dev.sitter.model.Recipe("char" + (i % CHARACTERS), "identity " + (i % CHARACTERS),
                        "canonical", i % 2 == 0 ? "noir" : "pastel", "portrait85", "hard", "d".repeat(64), "bench.groovy", i))
                .build();
    }

    static GenerationFacts facts(int i) {
        return GenerationFacts.builder().generationId("gen-" + i).imageId("img-" + i).seedReturned(1_000_000L + i)
                .cost(new BigDecimal(i % 7 + 1), "credits").backend("sandbox", "http://127.0.0.1:1/api/rest/v1").build();
    }

    /** CPU time of this thread: what a query costs on an idle machine, whatever the load here. */
    static long cpu() { return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    static void query(Path dir) throws Exception {
        Library lib = Library.open(dir);
        Query byCharacter = Query.ALL.withCharacter("char7");
        Query bySeed = Query.ALL.withSeed(1_000_000L + 77_777);
        long t0 = System.nanoTime(), c0 = cpu();
        int c = lib.find(byCharacter).size();
        long first = System.nanoTime() - t0, firstCpu = cpu() - c0;
        t0 = System.nanoTime(); c0 = cpu();
        int s = lib.find(bySeed).size();
        long second = System.nanoTime() - t0, secondCpu = cpu() - c0;
        long[] warmC = new long[10], warmS = new long[10], cpuC = new long[10], cpuS = new long[10];
        for (int i = 0; i < 10; i++) {
            t0 = System.nanoTime(); c0 = cpu();
            lib.find(byCharacter);
            warmC[i] = System.nanoTime() - t0; cpuC[i] = cpu() - c0;
            t0 = System.nanoTime(); c0 = cpu();
            lib.find(bySeed);
            warmS[i] = System.nanoTime() - t0; cpuS[i] = cpu() - c0;
        }
        System.out.printf("query ls --character char7: %d hits; first call in a fresh JVM %.0f ms wall / %.0f ms CPU; "
                + "warm median %.0f ms wall / %.0f ms CPU%n", c, first / 1e6, firstCpu / 1e6, median(warmC) / 1e6, median(cpuC) / 1e6);
        System.out.printf("query find --seed:          %d hits; second call %.0f ms wall / %.0f ms CPU; "
                + "warm median %.0f ms wall / %.0f ms CPU%n", s, second / 1e6, secondCpu / 1e6, median(warmS) / 1e6, median(cpuS) / 1e6);
    }

    static void record(Path dir, int n, int pixels) throws Exception {
        Library lib = Library.open(dir);
        BufferedImage img = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(42);
        for (int y = 0; y < pixels; y++) for (int x = 0; x < pixels; x++) img.setRGB(x, y, r.nextInt(0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] base = out.toByteArray();
        // warm-up, not counted
        for (int i = 0; i < 5; i++) lib.record(unique(base, -1 - i), spec(i), facts(i));
        long[] t = new long[n], c = new long[n];
        for (int i = 0; i < n; i++) {
            byte[] png = unique(base, System.nanoTime());
            long t0 = System.nanoTime(), c0 = cpu();
            lib.record(png, spec(i), facts(i));
            t[i] = System.nanoTime() - t0;
            c[i] = cpu() - c0;
        }
        Arrays.sort(t);
        Arrays.sort(c);
        System.out.printf("record %dx%d PNG (%.2f MB), %d %s recordings: median %.1f ms wall (p95 %.1f, max %.1f), "
                        + "median %.1f ms CPU%n", pixels, pixels, base.length / 1e6, n,
                Boolean.getBoolean("sitter.library.nosync") ? "NON-durable (fsync off)" : "durable",
                t[n / 2] / 1e6, t[(int) (n * 0.95)] / 1e6, t[n - 1] / 1e6, c[n / 2] / 1e6);
    }

    static byte[] unique(byte[] base, long n) throws Exception {
        return PngChunks.splice(base, c -> false, List.of(PngText.tEXt("n", Long.toString(n))));
    }

    static void verify(Path dir) throws Exception {
        Library lib = Library.open(dir);
        long t0 = System.nanoTime();
        VerifyReport r = lib.verify();
        long total = System.nanoTime() - t0;
        System.out.printf("verify: %d records, %d files, %.1f MB in %.1f s total; hashing %.1f s = %.0f MB/s; %s%n",
                r.records(), r.files(), r.bytesHashed() / 1e6, total / 1e9, r.hashNanos() / 1e9, r.megabytesPerSecond(),
                r.ok() ? "ok" : r.problems().size() + " problems, first: " + r.problems().get(0));
    }

    private static long median(long[] a) {
        long[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
