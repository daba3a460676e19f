package dev.sitter.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The offline sandbox: a local HTTP server on 127.0.0.1 that speaks Leonardo's REST API (v1 and
 * the v2 generations endpoint), hosts its own presigned uploads and CDN, renders deterministic
 * portraits, and can inject faults. Start it with {@link #start}, point a client at
 * {@link #baseUrl()}, close it when done.
 */
public final class Sandbox implements AutoCloseable {
    /** The one line shown when Sitter falls back to the sandbox. */
    public static final String OFFLINE_NOTICE = "offline sandbox: no credits are spent; set LEONARDO_API_KEY to go live";

    static {
        // The JDK server writes headers and body as separate segments; with Nagle's algorithm on, each
        // small reply then waits for the client's delayed ACK (~40 ms on Linux). Read once, when the
        // server classes load, so it must be set before the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final SandboxConfig config;
    private final HttpServer server;
    private final ExecutorService httpPool;
    private final JobRunner jobs;
    private final FaultInjector faults;
    private final RequestLog log;
    private final Store store;
    private final Inspection inspection;
    private final String origin;

    private Sandbox(SandboxConfig config) throws IOException {
        this.config = config;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
        long idSeed = config.idSeed() != null ? config.idSeed() : new java.security.SecureRandom().nextLong();
        Ids ids = new Ids(idSeed);
        Blobs blobs = config.dataDir() == null ? Blobs.inMemory(Blobs.DEFAULT_MEMORY_CAP) : Blobs.inDirectory(config.dataDir().toAbsolutePath().normalize());
        this.store = new Store(ids, blobs, config.startingCredits(), Clock.systemUTC());
        this.jobs = new JobRunner(config.concurrency(), config.latency());
        this.faults = new FaultInjector(FaultSpec.parse(config.faults()), config.seed());
        this.log = new RequestLog();
        Services services = new Services(config, store, new Studio(store), jobs, faults, () -> origin, idSeed);
        Router v1 = new Router(), v2 = new Router(), root = new Router();
        new GenerationEndpoints(services).register(v1, v2);
        new InitImageEndpoints(services).register(v1, root);
        new VariationEndpoints(services).register(v1);
        new AccountEndpoints(services).register(v1);
        CdnEndpoint cdn = new CdnEndpoint(services);
        root.add("GET", "/cdn/**", c -> cdn.serve(c.path));
        this.inspection = new Inspection(services, log);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.httpPool = pool;
        server.setExecutor(pool);
        server.createContext("/", new SandboxServer(services, v1, v2, root,
                new RateLimiter(System::nanoTime), log, inspection));
    }

    /** Starts a sandbox; with port 0 it picks a free port. Binds 127.0.0.1 only. */
    public static Sandbox start(SandboxConfig config) {
        try {
            Sandbox s = new Sandbox(config);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the offline sandbox on 127.0.0.1:" + config.port() + ": " + e.getMessage()
                    + (config.port() != 0 ? " (is the port in use? try --port 0 for a free one)" : ""), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:PORT/api/rest/v1}. */
    public String baseUrl() {
        return origin + SandboxServer.V1;
    }

    /** e.g. {@code http://127.0.0.1:PORT/api/rest/v2}. */
    public String v2BaseUrl() {
        return origin + SandboxServer.V2;
    }

    /** The inspection root; {@code requests} and {@code jobs} live below it. */
    public URI inspectionUrl() {
        return URI.create(origin + "/_sandbox/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxConfig config() {
        return config;
    }

    /** Scripted faults for tests: {@code faults().script("POST", "/generations", Fault.RESET_AFTER)}. */
    public FaultInjector faults() {
        return faults;
    }

    /** Every API, upload and CDN request seen so far, oldest first (no header values). */
    public List<RequestLog.Entry> requests() {
        return log.entries();
    }

    /** The current credit balance, as /me reports it. */
    public long credits() {
        return store.credits();
    }

    /** Jobs still pending or running. */
    public int unfinishedJobs() {
        return store.unfinished();
    }

    @Override
    public void close() {
        server.stop(0);
        jobs.close();
        httpPool.shutdownNow();
    }
}
