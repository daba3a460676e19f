package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sitter.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;

/**
 * The one HTTP handler: routes API, upload, CDN and inspection requests, and applies Leonardo's
 * gatekeeping in its order — authentication, the overall and per-endpoint rate limits — then
 * the injected fault, the handler, and the reply (possibly slowed, truncated or cut).
 */
final class SandboxServer implements HttpHandler {
    static final String V1 = "/api/rest/v1";
    static final String V2 = "/api/rest/v2";
    private static final int MAX_BODY = 60 * 1024 * 1024;

    private final Services s;
    private final Router v1, v2, root;
    private final RateLimiter limiter;
    private final RequestLog log;
    private final Inspection inspection;

    SandboxServer(Services s, Router v1, Router v2, Router root, RateLimiter limiter, RequestLog log, Inspection inspection) {
        this.s = s;
        this.v1 = v1;
        this.v2 = v2;
        this.root = root;
        this.limiter = limiter;
        this.log = log;
        this.inspection = inspection;
    }

    /** Thrown to make the JDK server drop the connection without a reply (it closes it on any handler exception). */
    static final class CutConnection extends IOException {
        CutConnection(String why) {
            super(why, null);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (rawPath.startsWith("/_sandbox")) {
            // inspection and fault scripting: not API calls; not logged, limited or faulted
            write(ex, inspection.handle(method, rawPath, body), null);
            return;
        }
        long seq = log.start();
        String time = Instant.now().toString();
        String logPath = query == null ? rawPath : rawPath + "?" + query;
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        Router router;
        String path;
        boolean api;
        if (rawPath.startsWith(V1 + "/") || rawPath.equals(V1)) { router = v1; path = rawPath.substring(V1.length()); api = true; }
        else if (rawPath.startsWith(V2 + "/") || rawPath.equals(V2)) { router = v2; path = rawPath.substring(V2.length()); api = true; }
        else { router = root; path = rawPath; api = false; }
        Call call = new Call(method, path, query, ex.getRequestHeaders(), body);
        Reply reply;
        try {
            reply = dispatch(router, call, api, rawPath, body.length > MAX_BODY);
        } catch (ApiError e) {
            reply = Reply.json(e.status, e.body());
            if (e.retryAfterSeconds != null) reply.header("Retry-After", Long.toString(e.retryAfterSeconds));
        } catch (CutConnection e) {
            reply = null;
        } catch (Exception e) {
            reply = Reply.json(500, new ApiError(500, "unexpected", "Service Error").body());
        }
        Fault fault = call.fault;
        if (reply != null && fault == Fault.SLOW) sleep(s.config.slowDelay().toMillis());
        boolean cut = reply == null || fault == Fault.RESET_AFTER;
        // recorded before the reply leaves, so a client that has its answer always finds it in the log
        log.record(seq, time, method, logPath, body, contentType, cut ? -1 : reply.status, fault,
                (System.nanoTime() - started) / 1_000_000);
        if (cut) throw new CutConnection("injected fault: " + (fault == null ? "reset" : fault.spec()));
        write(ex, reply, fault == Fault.TRUNCATE ? fault : null);
    }

    private Reply dispatch(Router router, Call call, boolean api, String rawPath, boolean tooLarge) throws Exception {
        if (api && !authorized(call)) throw ApiError.unauthorized();
        if (tooLarge) throw new ApiError(413, "bad-request", "request body too large");
        Router.Match m = router.match(call.method, call.path);
        if (api) {
            long wait = limiter.tryAcquire("all", s.config.requestsPerMinute());
            if (wait > 0) throw new ApiError(429, "rate-limited", "Rate limit exceeded: at most " + s.config.requestsPerMinute()
                    + " API requests per minute", wait);
        }
        boolean create = m != null && m.route() != null && m.route().paidCreate();
        if (create) {
            long wait = limiter.tryAcquire(m.route().limitKey(), s.config.createsPerMinute());
            if (wait > 0) throw new ApiError(429, "rate-limited", "Rate limit exceeded: at most " + s.config.createsPerMinute()
                    + " requests per minute to " + rawPath, wait);
        }
        String faultPath = api ? (rawPath.startsWith(V2) ? rawPath : call.path) : call.path;
        call.fault = s.faults.draw(call.method, faultPath, create);
        if (call.fault != null) {
            switch (call.fault) {
                case RATE_LIMIT -> throw new ApiError(429, "rate-limited", "Rate limit exceeded (injected fault)", 1L);
                case SERVER_ERROR -> throw new ApiError(500, "unexpected", "Service Error");
                case UNAVAILABLE -> throw new ApiError(503, "unexpected", "Service Unavailable", 2L);
                case RESET_BEFORE -> throw new CutConnection("injected fault: reset-before");
                default -> { }
            }
        }
        if (m == null) throw ApiError.notFound();
        if (m.route() == null) throw new ApiError(405, "not-found", "method " + call.method + " is not allowed on " + rawPath);
        call.params = m.params();
        return m.route().handler().handle(call);
    }

    private static boolean authorized(Call call) {
        String h = call.header("Authorization");
        if (h == null) return false;
        String t = h.trim();
        if (!t.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return !t.substring(7).trim().isEmpty();
    }

    /** Writes the reply; with {@code truncate}, announces the full length, sends half, and cuts the connection. */
    private static void write(HttpExchange ex, Reply reply, Fault truncate) throws IOException {
        if (reply.contentType != null) ex.getResponseHeaders().set("Content-Type", reply.contentType);
        reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] b = reply.body;
        if (reply.status == 204 || b.length == 0) {
            ex.sendResponseHeaders(reply.status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(reply.status, b.length);
        OutputStream out = ex.getResponseBody();
        if (truncate != null) {
            out.write(b, 0, b.length / 2);
            out.flush();
            throw new CutConnection("injected fault: truncate");
        }
        out.write(b);
        out.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ObjectNode errorBody(String message) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("error", message);
        return n;
    }
}
