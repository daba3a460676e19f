package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.leonardo.LeonardoException.Kind;
import dev.sitter.model.Json;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTTP for the client, with the money rules built in:
 * <ul>
 *   <li>OkHttp's own silent retry is off ({@code retryOnConnectionFailure(false)}) and paid bodies
 *       are one-shot, so the library can never resend a POST behind our back;</li>
 *   <li>safe calls (GETs, DELETE, free POSTs, downloads) retry with full-jitter backoff, honouring
 *       Retry-After (seconds or HTTP-date);</li>
 *   <li>a paid POST is sent once; only a 429 (which means "not created") or a failure before the
 *       request left the machine is retried; anything else unclear becomes {@link UnknownOutcome};</li>
 *   <li>the key goes only to the two API bases (checked on every hop, so never to presigned
 *       upload hosts, CDNs or redirects), and is scrubbed from every message.</li>
 * </ul>
 */
final class ApiTransport implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<Integer> RETRYABLE = Set.of(408, 425, 429, 500, 502, 503, 504);

    private final ClientConfig config;
    private final OkHttpClient http;
    private final OkHttpClient bulk;
    private final RateWindow requests;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpUrl v1;
    private final HttpUrl v2;

    /** Set by the event listener once request headers start going out: from then on a POST may have arrived. */
    static final class SendTracker {
        volatile boolean sent;
    }

    ApiTransport(ClientConfig config, Sleeper sleeper, Clock clock) {
        this(config, sleeper, clock, null);
    }

    /** @param tap an extra network interceptor (tests use it to see every answer), or null */
    ApiTransport(ClientConfig config, Sleeper sleeper, Clock clock, Interceptor tap) {
        this.config = config;
        this.sleeper = sleeper;
        this.clock = clock;
        this.v1 = HttpUrl.get(config.baseUrl() + "/");
        this.v2 = HttpUrl.get(config.v2BaseUrl() + "/");
        this.requests = new RateWindow(config.requestsPerMinute());
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .addNetworkInterceptor(this::authorize)
                .eventListenerFactory(ApiTransport::listenerFor);
        if (tap != null) b.addNetworkInterceptor(tap);
        this.http = b.build();
        this.bulk = http.newBuilder().callTimeout(config.downloadTimeout()).build();
    }

    private static EventListener listenerFor(Call call) {
        SendTracker t = call.request().tag(SendTracker.class);
        if (t == null) return EventListener.NONE;
        return new EventListener() {
            @Override public void requestHeadersStart(Call c) { t.sent = true; }
        };
    }

    /** Runs on every network hop, redirects included: the key is attached only to API URLs. */
    private Response authorize(Interceptor.Chain chain) throws IOException {
        Request r = chain.request();
        Request.Builder b = r.newBuilder().removeHeader("Authorization");
        if (isApi(r.url())) b.header("Authorization", "Bearer " + config.apiKey().reveal());
        return chain.proceed(b.build());
    }

    boolean isApi(HttpUrl url) { return under(url, v1) || under(url, v2); }

    private static boolean under(HttpUrl url, HttpUrl base) {
        return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host())
                && url.port() == base.port() && url.encodedPath().startsWith(base.encodedPath());
    }

    String v1(String path) { return config.baseUrl() + path; }

    String v2(String path) { return config.v2BaseUrl() + path; }

    ApiKey key() { return config.apiKey(); }

    Clock clock() { return clock; }

    Sleeper sleeper() { return sleeper; }

    // ---------------------------------------------------------------- safe, retried calls

    JsonNode get(String url) {
        return safe(new Request.Builder().url(url).get().build(), "GET " + shortPath(url), List.of());
    }

    JsonNode delete(String url) {
        return safe(new Request.Builder().url(url).delete().build(), "DELETE " + shortPath(url), List.of());
    }

    /** A POST that costs nothing and is harmless to repeat (presigned-upload targets, estimates). */
    JsonNode postFree(String url, JsonNode body) {
        byte[] bytes = Json.compact(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Request req = new Request.Builder().url(url).post(RequestBody.create(bytes, JSON)).build();
        return safe(req, "POST " + shortPath(url), fieldNames(body));
    }

    private JsonNode safe(Request req, String what, Collection<String> sentFields) {
        LeonardoException last = null;
        Duration wait = Duration.ZERO;
        int attempts = config.readAttempts();
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) pause(wait);
            acquire(requests);
            try (Response resp = http.newCall(req).execute()) {
                String body = bodyText(resp);
                if (resp.isSuccessful()) {
                    try {
                        return parse(body);
                    } catch (IllegalArgumentException unreadable) {
                        last = new LeonardoException(Kind.BAD_RESPONSE, "Leonardo's answer to " + what
                                + " was not readable JSON (" + ApiErrors.excerpt(body) + ").", unreadable);
                        wait = config.retry().delay(attempt);
                        continue;
                    }
                }
                Duration ra = RetryAfter.parse(resp.header("Retry-After"), clock.instant());
                LeonardoException e = ApiErrors.from(what, resp.code(), body, ra, sentFields, config.apiKey());
                if (!RETRYABLE.contains(resp.code())) throw e;
                if (ra != null && ra.compareTo(config.maxRetryAfter()) > 0) throw e;
                last = e;
                wait = max(ra, config.retry().delay(attempt));
            } catch (IOException io) {
                last = network(what, io);
                wait = config.retry().delay(attempt);
            }
        }
        throw last.withNote("(Sitter tried " + attempts + " times.)");
    }

    // ---------------------------------------------------------------- paid calls

    /**
     * Sends a paid POST at most once in any case where it could have arrived. Retries only when
     * Leonardo answered 429 (rate-limited requests are rejected before any job is created, so
     * resending after Retry-After cannot create a second job) or when the failure provably happened
     * before the request left this machine (connect refused, DNS).
     *
     * @throws UnknownOutcome when the request left and no clear answer came back
     * @throws LeonardoException for answers that mean "not created" (4xx) and for rate limits that persist
     */
    JsonNode postPaid(String url, JsonNode body, RateWindow endpointLimit) throws UnknownOutcome {
        return postPaid(url, body, endpointLimit, null);
    }

    /**
     * As {@link #postPaid(String, JsonNode, RateWindow)}, the first attempt using {@code reserved},
     * a permit of {@code endpointLimit} the caller took before waiting for a job slot (restamped to
     * the send; taken afresh if it expired meanwhile).
     */
    JsonNode postPaid(String url, JsonNode body, RateWindow endpointLimit, RateWindow.Permit reserved) throws UnknownOutcome {
        byte[] bytes = Json.compact(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String what = "POST " + shortPath(url);
        int attempts = config.createAttempts();
        Duration wait = Duration.ZERO;
        LeonardoException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) pause(wait);
            RateWindow.Permit permit = attempt == 0 && reserved != null && endpointLimit.restamp(reserved) ? reserved : reserve(endpointLimit);
            acquire(requests);
            SendTracker tracker = new SendTracker();
            Request req = new Request.Builder().url(url).post(oneShot(bytes)).tag(SendTracker.class, tracker).build();
            Instant sentAt = clock.instant();
            try (Response resp = http.newCall(req).execute()) {
                // Leonardo counted the create when it arrived, which was before its answer: stamped with the
                // answer's time, the permit never frees before Leonardo's own window does (no 429 from a slow send).
                endpointLimit.restamp(permit);
                String text = bodyText(resp);
                int code = resp.code();
                if (resp.isSuccessful()) {
                    try {
                        return parse(text);
                    } catch (IllegalArgumentException unreadable) {
                        throw new UnknownOutcome("Leonardo answered " + code + " but the body was unreadable ("
                                + ApiErrors.excerpt(text) + ")", sentAt, unreadable);
                    }
                }
                Duration ra = RetryAfter.parse(resp.header("Retry-After"), clock.instant());
                LeonardoException e = ApiErrors.from(what, code, text, ra, fieldNames(body), config.apiKey());
                if (code == 429) {
                    if (ra != null && ra.compareTo(config.maxRetryAfter()) > 0) throw e;
                    last = e;
                    wait = max(ra, config.retry().delay(attempt));
                    continue;
                }
                if (code >= 500 || code == 408) {
                    throw new UnknownOutcome(e.getMessage(), sentAt, e);
                }
                throw e;
            } catch (IOException io) {
                if (!tracker.sent) {
                    endpointLimit.release(permit); // never reached a socket: it counts against nothing
                    // Nothing was written to a socket: no server can have seen it, so trying again is safe.
                    last = network(what, io);
                    wait = config.retry().delay(attempt);
                    continue;
                }
                throw new UnknownOutcome(network(what, io).getMessage(), sentAt, io);
            }
        }
        throw last.withNote("(Sitter tried " + attempts + " times.)");
    }

    private static RequestBody oneShot(byte[] bytes) {
        return new RequestBody() {
            @Override public MediaType contentType() { return JSON; }
            @Override public long contentLength() { return bytes.length; }
            @Override public void writeTo(BufferedSink sink) throws IOException { sink.write(bytes); }
            @Override public boolean isOneShot() { return true; }
        };
    }

    // ---------------------------------------------------------------- bytes: downloads and presigned uploads

    /** Downloads an image (no key: CDN hosts are not the API), retrying like a GET. */
    byte[] download(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo gave an image URL Sitter cannot fetch: " + url);
        String what = "download " + parsed.host() + parsed.encodedPath();
        Request req = new Request.Builder().url(parsed).get().build();
        LeonardoException last = null;
        Duration wait = Duration.ZERO;
        for (int attempt = 0; attempt < config.readAttempts(); attempt++) {
            if (attempt > 0) pause(wait);
            if (isApi(parsed)) acquire(requests);
            try (Response resp = bulk.newCall(req).execute()) {
                if (resp.isSuccessful()) return readCapped(resp.body(), what);
                Duration ra = RetryAfter.parse(resp.header("Retry-After"), clock.instant());
                LeonardoException e = new LeonardoException(resp.code() == 404 ? Kind.NOT_FOUND : resp.code() >= 500 ? Kind.SERVICE_DOWN : Kind.UNKNOWN,
                        "Could not " + what + " (HTTP " + resp.code() + ").", resp.code(), null, null, ra, null);
                if (!RETRYABLE.contains(resp.code())) throw e;
                last = e;
                wait = max(ra, config.retry().delay(attempt));
            } catch (IOException io) {
                last = network(what, io);
                wait = config.retry().delay(attempt);
            }
        }
        throw last;
    }

    private byte[] readCapped(ResponseBody body, String what) throws IOException {
        long declared = body.contentLength();
        if (declared > config.maxImageBytes()) {
            throw new LeonardoException(Kind.BAD_RESPONSE, "Refusing to " + what + ": it is " + declared
                    + " bytes, over the " + config.maxImageBytes() + "-byte limit.");
        }
        BufferedSource src = body.source();
        if (!src.request(config.maxImageBytes() + 1) || src.getBuffer().size() <= config.maxImageBytes()) {
            byte[] bytes = src.readByteArray();
            if (declared >= 0 && bytes.length != declared) {
                throw new IOException("image body ended after " + bytes.length + " of " + declared + " bytes");
            }
            return bytes;
        }
        throw new LeonardoException(Kind.BAD_RESPONSE, "Refusing to " + what + ": it is over the "
                + config.maxImageBytes() + "-byte limit.");
    }

    /** The answer of a presigned upload: status and a short excerpt of the body (S3 explains errors in XML). */
    record UploadAnswer(int status, String excerpt) {
        boolean ok() { return status >= 200 && status < 300; }
    }

    /**
     * POSTs {@code fields} then the file part {@code file} as multipart/form-data to a presigned URL.
     * No Authorization header (the interceptor refuses to attach it off the API bases; S3 answers 403
     * if it sees one). Free and re-targetable, so the caller may retry with a fresh target.
     */
    UploadAnswer presignedUpload(String url, Map<String, String> fields, String fileName, String mediaType, byte[] data)
            throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo gave an upload URL Sitter cannot use: " + url);
        MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
        fields.forEach(mb::addFormDataPart);
        mb.addFormDataPart("file", fileName, RequestBody.create(data, MediaType.get(mediaType)));
        Request req = new Request.Builder().url(parsed).post(mb.build()).build();
        try (Response resp = bulk.newCall(req).execute()) {
            return new UploadAnswer(resp.code(), ApiErrors.excerpt(bodyText(resp)));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String bodyText(Response resp) throws IOException {
        ResponseBody b = resp.body();
        return b == null ? "" : b.string();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) throw new IllegalArgumentException("empty body");
        return Json.tree(body);
    }

    LeonardoException network(String what, IOException io) {
        String detail = config.apiKey().redact(String.valueOf(io.getMessage()));
        if (io instanceof SocketTimeoutException || io instanceof InterruptedIOException) {
            return new LeonardoException(Kind.TIMEOUT, what + " timed out (" + detail + "). Check your connection; "
                    + "Leonardo may be slow right now.", io);
        }
        return new LeonardoException(Kind.NETWORK, what + " failed: " + io.getClass().getSimpleName() + " (" + detail
                + "). Check your network connection and " + LeonardoEnvironment.BASE_VAR + ".", io);
    }

    /** Waits for room in an endpoint's create window and takes a permit, before the caller waits for a job slot. */
    RateWindow.Permit reserve(RateWindow bucket) {
        try {
            return bucket.reserve();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while waiting for Leonardo's rate limit; nothing was sent.", e);
        }
    }

    private void acquire(RateWindow bucket) {
        try {
            bucket.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while waiting for Leonardo's rate limit.", e);
        }
    }

    void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while waiting to retry.", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        if (a == null) return b;
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Collection<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        JsonNode params = body.get("parameters");
        if (params != null && params.isObject()) params.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String shortPath(String url) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) return url;
        String p = u.encodedPath();
        if (under(u, v1)) p = p.substring(v1.encodedPath().length() - 1);
        else if (under(u, v2)) p = "/v2" + p.substring(v2.encodedPath().length() - 1);
        return p;
    }

    @Override public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
