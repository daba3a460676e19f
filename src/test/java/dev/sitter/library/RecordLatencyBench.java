package dev.sitter.library;

import dev.sitter.imaging.PngChunks;
import dev.sitter.imaging.PngText;
import dev.sitter.model.PromptSpec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Durable recording latency (issue 5: "recording one asset adds under 20 ms"), not a test.
 * {@code java -cp CP dev.sitter.library.RecordLatencyBench DIR [N] [PIXELS]} (bench/library-record.sh runs it):
 * first the disk's own fsync costs (one 1 MB file; four at once; a directory), then N durable
 * recordings of PIXELSxPIXELS PNGs into a library at DIR (fresh or existing). Reports wall time,
 * the recording thread's CPU and the whole process's CPU per recording (the library forces
 * files on helper threads, so the thread's CPU alone would flatter it).
 */
public final class RecordLatencyBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int pixels = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        Files.createDirectories(dir);
        fsyncCosts(dir);

        BufferedImage img = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(42);
        for (int y = 0; y < pixels; y++) for (int x = 0; x < pixels; x++) img.setRGB(x, y, r.nextInt(0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] base = out.toByteArray();

        Library lib = Library.open(dir);
        for (int i = 0; i < 10; i++) lib.record(unique(base, System.nanoTime()), spec(i), Samples.facts(5000L + i));
        long[] wall = new long[n], thread = new long[n];
        long processTotal = 0; // the OS counts process CPU in 10 ms ticks: only a total over many recordings means anything
        for (int i = 0; i < n; i++) {
            byte[] png = unique(base, System.nanoTime());
            long p0 = processCpu(), t0 = System.nanoTime(), c0 = threadCpu();
            lib.record(png, spec(i), Samples.facts(1000L + i));
            wall[i] = System.nanoTime() - t0;
            thread[i] = threadCpu() - c0;
            processTotal += processCpu() - p0;
        }
        System.out.printf("record %dx%d PNG (%.2f MB), %d durable recordings: wall median %.1f ms (p10 %.1f, p90 %.1f); "
                        + "CPU median %.1f ms recording thread; whole process %.1f ms per recording (mean, incl. GC/JIT)%n",
                pixels, pixels, base.length / 1e6, n, median(wall), pct(wall, 10), pct(wall, 90), median(thread), processTotal / 1e6 / n);
        System.out.printf("machine: %d cores, load %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** What the disk charges: one forced 1 MB file, four forced at once, one directory. */
    static void fsyncCosts(Path dir) throws Exception {
        byte[] mb = new byte[1 << 20];
        new java.util.Random(1).nextBytes(mb);
        Path scratch = Files.createDirectories(dir.resolve("fsync-probe"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long[] one = new long[15], four = new long[15], d = new long[15];
            for (int i = 0; i < 15; i++) {
                long t = System.nanoTime();
                writeForced(scratch.resolve("a" + i), mb);
                one[i] = System.nanoTime() - t;
                t = System.nanoTime();
                List<Future<?>> fs = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    Path p = scratch.resolve("b" + i + "-" + k);
                    fs.add(pool.submit(() -> { writeForced(p, mb); return null; }));
                }
                for (Future<?> f : fs) f.get();
                four[i] = System.nanoTime() - t;
                Files.writeString(scratch.resolve("c" + i), "x");
                t = System.nanoTime();
                try (FileChannel ch = FileChannel.open(scratch, StandardOpenOption.READ)) { ch.force(true); }
                d[i] = System.nanoTime() - t;
            }
            System.out.printf("fsync costs: one 1 MB file %.1f ms; four 1 MB files at once %.1f ms; a directory %.1f ms (medians)%n",
                    median(one), median(four), median(d));
        } finally {
            pool.shutdown();
            try (var s = Files.list(scratch)) { for (Path p : (Iterable<Path>) s::iterator) Files.delete(p); }
            Files.delete(scratch);
        }
    }

    static void writeForced(Path p, byte[] data) throws Exception {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(data));
            ch.force(true);
        }
    }

    static PromptSpec spec(int i) { return Samples.spec("mara", 1000L + i); }

    static byte[] unique(byte[] base, long n) throws Exception {
        return PngChunks.splice(base, c -> false, List.of(PngText.tEXt("n", Long.toString(n))));
    }

    static long threadCpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double median(long[] a) { return pct(a, 50); }

    static double pct(long[] a, int p) {
        long[] s = a.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * p / 100)] / 1e6;
    }
}
