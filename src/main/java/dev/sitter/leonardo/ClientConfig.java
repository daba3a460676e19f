package dev.sitter.leonardo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client needs to know about where and how to talk: base URLs, the key, timeouts,
 * Leonardo's limits, polling and retry policy, and where to cache upload ids.
 * Live and sandbox differ only in base URL and key. {@link #toString()} shows the key as "***".
 *
 * @param baseUrl           v1 base, e.g. https://cloud.leonardo.ai/api/rest/v1
 * @param v2BaseUrl         v2 base, e.g. https://cloud.leonardo.ai/api/rest/v2
 * @param apiKey            the key (sent only to these two bases)
 * @param live              true for the real Leonardo (money is at stake), false for the sandbox
 * @param connectTimeout    TCP connect
 * @param readTimeout       socket read for JSON calls
 * @param writeTimeout      socket write
 * @param callTimeout       whole JSON call, bounding a hung request
 * @param downloadTimeout   whole image download or upload
 * @param maxInFlight       jobs running at once; 0 = ask /me for apiConcurrencySlots (10 if unknown)
 * @param createsPerMinute  paid creates per endpoint per minute (Leonardo: 100)
 * @param requestsPerMinute all requests per minute (Leonardo: 2000)
 * @param poll              polling schedule and per-job deadline
 * @param retry             backoff for retried reads
 * @param readAttempts      tries for a GET (and other safe calls) before giving up
 * @param maxRetryAfter     longest Retry-After honoured before failing with RATE_LIMITED
 * @param createAttempts    tries for a paid create that keeps getting 429 (never created, so safe)
 * @param reconcileWait     how long to keep re-listing history for a create whose outcome is unknown
 * @param clockSkew         tolerance between our clock and Leonardo's createdAt when reconciling
 * @param maxImageBytes     refuse downloads bigger than this
 * @param cacheDir          where the upload-id cache lives, or null for memory only
 */
public record ClientConfig(String baseUrl, String v2BaseUrl, ApiKey apiKey, boolean live,
                           Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                           Duration callTimeout, Duration downloadTimeout,
                           int maxInFlight, int createsPerMinute, int requestsPerMinute,
                           PollPolicy poll, Backoff retry, int readAttempts, Duration maxRetryAfter,
                           int createAttempts, Duration reconcileWait, Duration clockSkew,
                           long maxImageBytes, Path cacheDir) {

    public static final String LIVE_BASE_URL = "https://cloud.leonardo.ai/api/rest/v1";

    public ClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        baseUrl = stripSlash(baseUrl);
        v2BaseUrl = v2BaseUrl == null ? deriveV2(baseUrl) : stripSlash(v2BaseUrl);
        if (maxInFlight < 0) throw new IllegalArgumentException("maxInFlight must be >= 0");
        if (readAttempts < 1 || createAttempts < 1) throw new IllegalArgumentException("attempts must be >= 1");
    }

    /** {@code .../api/rest/v1} becomes {@code .../api/rest/v2}; any other base gets {@code /v2} beside it. */
    public static String deriveV2(String v1) {
        String b = stripSlash(v1);
        if (b.endsWith("/v1")) return b.substring(0, b.length() - 3) + "/v2";
        int slash = b.lastIndexOf('/');
        return (slash > b.indexOf("//") + 1 ? b.substring(0, slash) : b) + "/v2";
    }

    private static String stripSlash(String s) {
        String t = s.strip();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    public static Builder builder(String baseUrl, ApiKey key) { return new Builder(baseUrl, key); }

    public Builder toBuilder() {
        Builder b = new Builder(baseUrl, apiKey);
        b.v2BaseUrl = v2BaseUrl; b.live = live; b.connectTimeout = connectTimeout; b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout; b.callTimeout = callTimeout; b.downloadTimeout = downloadTimeout;
        b.maxInFlight = maxInFlight; b.createsPerMinute = createsPerMinute; b.requestsPerMinute = requestsPerMinute;
        b.poll = poll; b.retry = retry; b.readAttempts = readAttempts; b.maxRetryAfter = maxRetryAfter;
        b.createAttempts = createAttempts; b.reconcileWait = reconcileWait; b.clockSkew = clockSkew;
        b.maxImageBytes = maxImageBytes; b.cacheDir = cacheDir;
        return b;
    }

    /** Leonardo's defaults and limits; every setter returns this. */
    public static final class Builder {
        private final String baseUrl;
        private final ApiKey apiKey;
        private String v2BaseUrl;
        private boolean live;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(90);
        private Duration downloadTimeout = Duration.ofMinutes(5);
        private int maxInFlight = 0;
        private int createsPerMinute = 100;
        private int requestsPerMinute = 2000;
        private PollPolicy poll = PollPolicy.live();
        private Backoff retry = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        private int readAttempts = 6;
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private int createAttempts = 5;
        private Duration reconcileWait = Duration.ofSeconds(30);
        private Duration clockSkew = Duration.ofMinutes(2);
        private long maxImageBytes = 200L << 20;
        private Path cacheDir;

        private Builder(String baseUrl, ApiKey apiKey) { this.baseUrl = baseUrl; this.apiKey = apiKey; }

        public Builder v2BaseUrl(String v) { v2BaseUrl = v; return this; }
        public Builder live(boolean v) { live = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder readTimeout(Duration v) { readTimeout = v; return this; }
        public Builder writeTimeout(Duration v) { writeTimeout = v; return this; }
        public Builder callTimeout(Duration v) { callTimeout = v; return this; }
        public Builder downloadTimeout(Duration v) { downloadTimeout = v; return this; }
        public Builder maxInFlight(int v) { maxInFlight = v; return this; }
        public Builder createsPerMinute(int v) { createsPerMinute = v; return this; }
        public Builder requestsPerMinute(int v) { requestsPerMinute = v; return this; }
        public Builder poll(PollPolicy v) { poll = v; return this; }
        public Builder retry(Backoff v) { retry = v; return this; }
        public Builder readAttempts(int v) { readAttempts = v; return this; }
        public Builder maxRetryAfter(Duration v) { maxRetryAfter = v; return this; }
        public Builder createAttempts(int v) { createAttempts = v; return this; }
        public Builder reconcileWait(Duration v) { reconcileWait = v; return this; }
        public Builder clockSkew(Duration v) { clockSkew = v; return this; }
        public Builder maxImageBytes(long v) { maxImageBytes = v; return this; }
        public Builder cacheDir(Path v) { cacheDir = v; return this; }

        public ClientConfig build() {
            return new ClientConfig(baseUrl, v2BaseUrl, apiKey, live, connectTimeout, readTimeout, writeTimeout,
                    callTimeout, downloadTimeout, maxInFlight, createsPerMinute, requestsPerMinute, poll, retry,
                    readAttempts, maxRetryAfter, createAttempts, reconcileWait, clockSkew, maxImageBytes, cacheDir);
        }
    }
}
