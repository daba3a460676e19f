package dev.sitter.leonardo;

import dev.sitter.model.PromptSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput benchmark (run by bench/client-throughput.sh): N generations through the client
 * against a server whose jobs take L ms with S concurrency slots. The floor is ceil(N/S) * L; the
 * report gives wall time / floor and the client's CPU time per generation (ThreadMXBean, measured
 * on the threads that run the client, so the in-process server's CPU is not counted).
 *
 * <p>Leonardo's published limits (100 creates/min) would make the floor for 200 jobs 2 minutes,
 * so the client's create/request limits are raised to the server's capacity here. Polling is not
 * told the latency: the first poll is at 100 ms until the client has learned how long jobs take
 * (then 90% of that), and re-checks every 10-40 ms.
 */
public final class ClientBench {
    static int BENCH_W = 512, BENCH_H = 768;

    public static void main(String[] args) throws Exception {
        if (!bench(args)) System.exit(1);
    }

    /** Runs the benchmark, prints the report; false if any job failed or the server saw a duplicate create. */
    static boolean bench(String[] args) throws Exception {
        int n = intArg(args, "--jobs", 200);
        int slots = intArg(args, "--slots", 10);
        long latency = intArg(args, "--latency-ms", 1000);
        BENCH_W = intArg(args, "--width", 512);
        BENCH_H = intArg(args, "--height", 768);
        try (BenchServer server = BenchServer.start(args, slots, latency)) {
            ClientConfig cfg = ClientConfig.builder(server.baseUrl(), ApiKey.of(server.key()))
                    .maxInFlight(slots).createsPerMinute(100_000).requestsPerMinute(1_000_000)
                    .poll(new PollPolicy(Duration.ofMillis(100), new Backoff(Duration.ofMillis(20), Duration.ofMillis(40)), Duration.ofMinutes(5)))
                    .retry(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)))
                    .build();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            mx.setThreadCpuTimeEnabled(true);
            // warm-up: JIT, connection pool (not timed)
            try (LeonardoClient warm = LeonardoClient.create(cfg)) {
                run(warm, Math.min(20, n), slots, mx);
            }
            server.resetCounters();
            try (LeonardoClient client = LeonardoClient.create(cfg, Sleeper.REAL, Clock.systemUTC())) {
                long t0 = System.nanoTime();
                Result r = run(client, n, slots, mx);
                double wall = (System.nanoTime() - t0) / 1e9;
                double floor = Math.ceil(n / (double) slots) * latency / 1000.0;
                System.out.printf(Locale.ROOT, "server: %s, jobs: %d, slots: %d, job latency: %d ms, image %dx%d%n",
                        server.name(), n, slots, latency, BENCH_W, BENCH_H);
                System.out.printf(Locale.ROOT, "failed: %d, creates seen by server: %d, max jobs running at once: %d%n",
                        r.failed, server.creates(), server.maxRunning());
                System.out.printf(Locale.ROOT, "wall: %.2f s, floor: %.1f s, ratio: %.3f (goal < 1.15)%n", wall, floor, wall / floor);
                System.out.printf(Locale.ROOT, "client CPU: %.2f ms per generation (%.2f s total)%n",
                        r.cpuNanos / 1e6 / n, r.cpuNanos / 1e9);
                return r.failed == 0 && server.creates() == n;
            }
        }
    }

    record Result(int failed, long cpuNanos) {}

    /** Same shape as {@link LeonardoClient#generateAll}: 2 x slots threads, the client's semaphore caps jobs. */
    static Result run(LeonardoClient client, int n, int slots, ThreadMXBean mx) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(slots * 2);
        AtomicLong cpu = new AtomicLong();
        List<Future<Boolean>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PromptSpec spec = PromptSpec.builder().prompt("bench portrait " + i).size(BENCH_W, BENCH_H).numImages(1).seed((long) i).build();
            fs.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                try {
                    GenerationResult g = client.generate(spec, ImageSource.relativeTo(java.nio.file.Path.of(".")));
                    return g.complete() && g.images().size() == 1;
                } catch (LeonardoException e) {
                    System.err.println("job failed: " + e.getMessage());
                    return false;
                } finally {
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                }
            }));
        }
        int failed = 0;
        for (Future<Boolean> f : fs) if (!f.get()) failed++;
        pool.shutdown();
        return new Result(failed, cpu.get());
    }

    static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return def;
    }
}
