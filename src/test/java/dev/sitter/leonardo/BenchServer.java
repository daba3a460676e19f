package dev.sitter.leonardo;

/** The server a benchmark runs against: the scripted fake (wall-clock job latency) or the sandbox. */
interface BenchServer extends AutoCloseable {
    String name();

    String baseUrl();

    /** The key the server accepts. */
    String key();

    int creates();

    int maxRunning();

    void resetCounters();

    @Override void close() throws Exception;

    static BenchServer start(String[] args, int slots, long latencyMillis) throws Exception {
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
