package dev.sitter.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the offline sandbox behaves. Defaults follow Leonardo's documented limits (10 concurrent
 * jobs, 100 creates per minute per endpoint, 2000 requests per minute, 200 queued jobs).
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param latency           how long a job stays PENDING before it completes
 * @param concurrency       jobs processed at once; more wait in the queue
 * @param createsPerMinute  limit per paid create endpoint (generations, each variation, v2)
 * @param requestsPerMinute limit over all API requests
 * @param queueLimit        jobs waiting or running before creates get 429
 * @param startingCredits   the /me balance at start
 * @param faults            fault spec such as {@code "429:0.1,reset-after:0.02"}; empty for none
 * @param seed              seeds the fault draws, so the same requests meet the same faults
 * @param idSeed            seeds ids and the seeds of unseeded generations; null (the default) draws a fresh
 *                          one per sandbox, so ids never repeat across runs (a library keys records by them)
 * @param dataDir           where image bytes are kept; null keeps them in memory
 * @param slowDelay         how long a {@code slow} fault holds a response
 * @param uploadTtl         how long a presigned upload stays valid
 */
public record SandboxConfig(int port, Duration latency, int concurrency, int createsPerMinute, int requestsPerMinute,
                            int queueLimit, long startingCredits, String faults, long seed, Path dataDir,
                            Duration slowDelay, Duration uploadTtl, Long idSeed) {

    public static final long DEFAULT_CREDITS = 10_000;

    public SandboxConfig {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(slowDelay, "slowDelay");
        Objects.requireNonNull(uploadTtl, "uploadTtl");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535, was " + port);
        if (latency.isNegative()) throw new IllegalArgumentException("latency must not be negative");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        if (createsPerMinute < 1 || requestsPerMinute < 1) throw new IllegalArgumentException("rate limits must be at least 1 per minute");
        if (queueLimit < 1) throw new IllegalArgumentException("queueLimit must be at least 1, was " + queueLimit);
        if (startingCredits < 0) throw new IllegalArgumentException("startingCredits must not be negative");
        faults = faults == null ? "" : faults;
        FaultSpec.parse(faults); // fail early with a clear message
    }

    public static SandboxConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).latency(latency).concurrency(concurrency).createsPerMinute(createsPerMinute)
                .requestsPerMinute(requestsPerMinute).queueLimit(queueLimit).startingCredits(startingCredits)
                .faults(faults).seed(seed).dataDir(dataDir).slowDelay(slowDelay).uploadTtl(uploadTtl).idSeed(idSeed);
    }

    public static final class Builder {
        private int port = 0;
        private Duration latency = Duration.ofMillis(150);
        private int concurrency = 10;
        private int createsPerMinute = 100;
        private int requestsPerMinute = 2000;
        private int queueLimit = 200;
        private long startingCredits = DEFAULT_CREDITS;
        private String faults = "";
        private long seed = 1;
        private Path dataDir;
        private Duration slowDelay = Duration.ofSeconds(2);
        private Duration uploadTtl = Duration.ofMinutes(2);
        private Long idSeed;

        public Builder port(int v) { port = v; return this; }
        public Builder latency(Duration v) { latency = v; return this; }
        public Builder concurrency(int v) { concurrency = v; return this; }
        public Builder createsPerMinute(int v) { createsPerMinute = v; return this; }
        public Builder requestsPerMinute(int v) { requestsPerMinute = v; return this; }
        public Builder queueLimit(int v) { queueLimit = v; return this; }
        public Builder startingCredits(long v) { startingCredits = v; return this; }
        public Builder faults(String v) { faults = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder slowDelay(Duration v) { slowDelay = v; return this; }
        public Builder uploadTtl(Duration v) { uploadTtl = v; return this; }
        public Builder idSeed(Long v) { idSeed = v; return this; }

        public SandboxConfig build() {
            return new SandboxConfig(port, latency, concurrency, createsPerMinute, requestsPerMinute, queueLimit,
                    startingCredits, faults, seed, dataDir, slowDelay, uploadTtl, idSeed);
        }
    }
}
