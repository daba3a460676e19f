package dev.sitter.leonardo;

import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;

import java.time.Duration;
import java.util.Arrays;

/** The server a benchmark runs against: the offline sandbox (default) or the scripted fake ({@code --server fake}). */
interface BenchServer extends AutoCloseable {
    String name();

    String baseUrl();

    /** The key the server accepts. */
    String key();

    int creates();

    /** Most jobs seen running at once, or -1 if the server does not say. */
    int maxRunning();

    void resetCounters();

    @Override void close() throws Exception;

    static BenchServer start(String[] args, int slots, long latencyMillis) throws Exception {
        boolean fakeServer = Arrays.asList(args).contains("fake");
        return fakeServer ? fake(slots, latencyMillis) : sandbox(slots, latencyMillis);
    }

    private static BenchServer sandbox(int slots, long latencyMillis) {
        Sandbox sb = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(latencyMillis)).concurrency(slots)
                .createsPerMinute(1_000_000).requestsPerMinute(10_000_000).queueLimit(100_000)
                .startingCredits(100_000_000L).build());
        return new BenchServer() {
            long skip;
            public String name() { return "offline sandbox (dev.sitter.sandbox), " + slots + " slots"; }
            public String baseUrl() { return sb.baseUrl(); }
            public String key() { return "sandbox-key"; }
            public int creates() {
                return (int) sb.requests().stream().filter(e -> e.seq() > skip && e.method().equals("POST")
                        && e.path().endsWith("/generations")).count();
            }
            public int maxRunning() { return -1; }
            public void resetCounters() {
                skip = sb.requests().stream().mapToLong(e -> e.seq()).max().orElse(0);
            }
            public void close() { sb.close(); }
        };
    }

    private static BenchServer fake(int slots, long latencyMillis) throws Exception {
        FakeLeonardo fake = new FakeLeonardo();
        fake.latencyMillis = latencyMillis;
        fake.apiConcurrencySlots = slots;
        return new BenchServer() {
            public String name() { return "in-test MockWebServer fake (FakeLeonardo)"; }
            public String baseUrl() { return fake.base(); }
            public String key() { return "test-key-0123456789"; }
            public int creates() { return fake.creates(); }
            public int maxRunning() { return fake.maxRunning.get(); }
            public void resetCounters() {
                fake.requests.clear();
                fake.maxRunning.set(fake.running.get());
            }
            public void close() throws Exception { fake.close(); }
        };
    }
}
