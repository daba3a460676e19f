package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.sitter.leonardo.LeonardoException.Kind;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;
import dev.sitter.sandbox.Fault;
import dev.sitter.sandbox.RequestLog;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import dev.sitter.util.Sha256;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The client against the real offline sandbox (dev.sitter.sandbox) over loopback: every portrait
 * operation, the sandbox's own fault injection, and every JSON answer the client received checked
 * against the spec's response schema.
 */
class SandboxClientE2ETest {
    @TempDir Path dir;
    Sandbox sandbox;
    LeonardoClient client;
    /** Every (route, JSON answer) the client received from the API. */
    final List<String[]> answers = new CopyOnWriteArrayList<>();

    @BeforeEach void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(100)).build());
        client = client(Duration.ofSeconds(10));
    }

    LeonardoClient client(Duration readTimeout) {
        ClientConfig cfg = LeonardoEnvironment.sandbox(sandbox.baseUrl(), dir.resolve("cache")).toBuilder()
                .maxInFlight(4).readTimeout(readTimeout)
                .poll(new PollPolicy(Duration.ofMillis(50), new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), Duration.ofSeconds(30)))
                .retry(new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)))
                .reconcileWait(Duration.ofSeconds(2)).build();
        return LeonardoClient.create(cfg, Sleeper.REAL, Clock.systemUTC(), this::tap);
    }

    private Response tap(Interceptor.Chain chain) throws java.io.IOException {
        Response r = chain.proceed(chain.request());
        String path = r.request().url().encodedPath();
        ResponseBody b = r.body();
        MediaType t = b == null ? null : b.contentType();
        if (r.code() == 200 && t != null && t.subtype().contains("json") && path.startsWith("/api/rest/v1/")) {
            String text = r.peekBody(1 << 20).string();
            answers.add(new String[]{r.request().method(), path, text});
        }
        return r;
    }

    @AfterEach void stop() {
        client.close();
        sandbox.close();
    }

    static byte[] png(int w, int h, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb ^ (x * 31 + y * 17));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    ReferenceImage anchor(String name, int rgb) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, png(64, 64, rgb));
        return new ReferenceImage(ReferenceRole.CHARACTER, name, Sha256.file(p), null, 133, "Mid", null, "frontal");
    }

    long creates() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST")
                && (e.path().endsWith("/api/rest/v1/generations") || e.path().endsWith("/api/rest/v2/generations"))).count();
    }

    PromptSpec spec() throws Exception {
        return PromptSpec.builder().prompt("Mara Voss, olive skin, short black bob, green eyes").negativePrompt("watermark")
                .modelId("aa77f04e-3eec-4034-9c07-d0f619684628").size(256, 384).numImages(2).seed(4242L)
                .references(List.of(anchor("front.png", 0x336699), anchor("side.png", 0x996633))).build();
    }

    @Test void everyOperationWorksAgainstTheSandboxAndEveryAnswerMatchesTheSpec() throws Exception {
        ImageSource files = ImageSource.relativeTo(dir);
        long before = client.me().apiCredits();
        GenerationResult r = client.generate(spec(), files);
        assertEquals(2, r.images().size());
        assertTrue(r.complete());
        for (GeneratedImage i : r.images()) assertNotNull(ImageIO.read(new java.io.ByteArrayInputStream(i.bytes())), "a real PNG");
        assertEquals(4242L, r.seed());
        assertNotNull(r.cost());

        client.generate(spec(), files); // anchors cached: no new uploads
        assertEquals(2, sandbox.requests().stream().filter(e -> e.path().endsWith("/init-image")).count());

        client.refine(PromptSpec.builder().prompt("Mara Voss, refined").build(), r.images().get(0).id(), 0.3, files);
        client.inpaint(PromptSpec.builder().prompt("scar on the left cheek").modelId("aa77f04e-3eec-4034-9c07-d0f619684628")
                .numImages(1).build(), png(64, 64, 0x808080), png(64, 64, 0), 0.2, files);
        client.generate(PromptSpec.builder().surface(Surface.V2).modelId("flux-pro-2.0").prompt("Mara Voss v2").numImages(1)
                .size(256, 256).build(), files);
        assertTrue(client.upscale(r.images().get(0).id()).downloaded());
        VariationResult u = client.universalUpscale(UniversalUpscale.of(r.images().get(1).id()));
        assertTrue(u.downloaded());
        assertTrue(client.removeBackground(u.variationId(), true).downloaded());
        assertTrue(client.estimate(spec()).cost() > 0);
        assertFalse(client.models().isEmpty());
        client.resolveModel(client.models().get(0).name());
        assertFalse(client.generationsByUser(client.me().userId(), 0, 10).isEmpty());
        assertTrue(client.refreshMe().apiCredits() < before, "credits were spent");

        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (String[] a : answers) {
            String specPath = specPath(a[0], a[1].substring("/api/rest/v1".length()));
            if (specPath == null) continue;
            Set<String> p = SpecSchemas.problems(SpecSchemas.response(a[0], specPath), Json.tree(a[2]));
            if (!p.isEmpty()) problems.add(a[0] + " " + a[1] + " -> " + p);
            checked++;
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(checked > 20, "checked " + checked);
    }

    /** Maps a concrete path to the spec's templated one. */
    static String specPath(String method, String p) {
        if (p.matches("/generations/user/[^/]+")) return "/generations/user/{userId}";
        if (p.matches("/generations/[^/]+")) return "/generations/{id}";
        if (p.matches("/variations/[^/]+") && method.equals("GET")) return "/variations/{id}";
        JsonNode paths = SpecSchemas.spec().path("paths");
        return paths.has(p) ? p : null;
    }

    @Test void resetAfterTheJobWasMadeIsReconciledAndChargedOnce() throws Exception {
        client.me();
        long before = sandbox.credits();
        sandbox.faults().script("POST", "/generations", Fault.RESET_AFTER);
        GenerationResult r = client.generate(spec(), ImageSource.relativeTo(dir));
        assertTrue(r.reconciled());
        assertTrue(r.complete());
        assertEquals(1, creates());
        assertTrue(sandbox.credits() < before);
    }

    @Test void resetBeforeProcessingIsUncertainAndNotResent() throws Exception {
        sandbox.faults().script("POST", "/generations", Fault.RESET_BEFORE);
        long before = sandbox.credits();
        LeonardoException e = assertThrows(LeonardoException.class, () -> client.generate(spec(), ImageSource.relativeTo(dir)));
        assertEquals(Kind.UNCERTAIN, e.kind());
        assertEquals(1, creates());
        assertEquals(before, sandbox.credits(), "nothing was charged");
    }

    /** A create waiting for its endpoint's window holds no job slot: an upscale (its own window) runs meanwhile. */
    @Test void aCreateWaitingForTheWindowLeavesTheOnlySlotToOtherEndpoints() throws Exception {
        ClientConfig cfg = LeonardoEnvironment.sandbox(sandbox.baseUrl(), null).toBuilder().maxInFlight(1).createsPerMinute(1)
                .poll(new PollPolicy(Duration.ofMillis(50), new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), Duration.ofSeconds(30))).build();
        try (LeonardoClient one = LeonardoClient.create(cfg)) {
            GenerationResult first = one.generate(spec(), ImageSource.relativeTo(dir)); // takes the minute's only generation create
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<GenerationResult> waiting = pool.submit(() -> one.generate(spec(), ImageSource.relativeTo(dir)));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!threadWaitingIn(RateWindow.class.getName(), "reserve") && System.nanoTime() < deadline) Thread.sleep(10);
                java.util.concurrent.Future<VariationResult> upscale = pool.submit(
                        () -> one.universalUpscale(UniversalUpscale.of(first.images().get(0).id())));
                assertTrue(upscale.get(30, java.util.concurrent.TimeUnit.SECONDS).downloaded(), "the upscale ran while the create waited");
                assertFalse(waiting.isDone(), "the second create still waits for the window");
            } finally {
                pool.shutdownNow(); // interrupts the waiting create: nothing was sent
            }
        }
        assertEquals(1, creates(), "one generation create in the minute");
    }

    private static boolean threadWaitingIn(String className, String method) {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> java.util.Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().equals(className) && f.getMethodName().equals(method)));
    }

    @Test void rateLimitIsWaitedOutAndResentSafely() throws Exception {
        sandbox.faults().script("POST", "/generations", Fault.RATE_LIMIT);
        GenerationResult r = client.generate(spec(), ImageSource.relativeTo(dir));
        assertTrue(r.complete());
        assertEquals(2, creates());
        assertEquals(1, sandbox.requests().stream().filter(x -> x.path().endsWith("/generations") && x.status() == 200).count());
    }

    @Test void truncatedAnswerToACreateIsReconciled() throws Exception {
        sandbox.faults().script("POST", "/generations", Fault.TRUNCATE);
        GenerationResult r = client.generate(spec(), ImageSource.relativeTo(dir));
        assertTrue(r.reconciled());
        assertEquals(1, creates());
    }

    @Test void slowAnswerBeyondTheReadTimeoutIsReconciled() throws Exception {
        try (LeonardoClient impatient = client(Duration.ofMillis(300))) {
            sandbox.faults().script("POST", "/generations", Fault.SLOW);
            GenerationResult r = impatient.generate(spec(), ImageSource.relativeTo(dir));
            assertTrue(r.reconciled());
        }
        // the sandbox logs the slow request only after its delayed reply; the job itself was adopted long before
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (creates() < 1 && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(1, creates());
    }

    @Test void failedJobModerationAndServerErrorsGiveClearMessages() throws Exception {
        sandbox.faults().script("POST", "/generations", Fault.FAIL);
        LeonardoException failed = assertThrows(LeonardoException.class, () -> client.generate(spec(), ImageSource.relativeTo(dir)));
        assertEquals(Kind.JOB_FAILED, failed.kind());
        assertNotNull(failed.generationId());

        sandbox.faults().script("POST", "/generations", Fault.MODERATION);
        LeonardoException mod = assertThrows(LeonardoException.class, () -> client.generate(spec(), ImageSource.relativeTo(dir)));
        assertEquals(Kind.MODERATION, mod.kind());

        sandbox.faults().script("GET", "/generations", Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.TRUNCATE);
        assertTrue(client.generate(spec(), ImageSource.relativeTo(dir)).complete(), "status reads are retried");
        assertEquals(3, creates());
    }

    @Test void anUploadTargetThatKeepsExpiringFailsBeforeAnythingIsPaid() throws Exception {
        try (Sandbox strict = Sandbox.start(SandboxConfig.builder().uploadTtl(Duration.ZERO).build());
             LeonardoClient c = LeonardoClient.create(LeonardoEnvironment.sandbox(strict.baseUrl(), null).toBuilder()
                     .retry(new Backoff(Duration.ofMillis(10), Duration.ofMillis(50))).build())) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> c.generate(spec(), ImageSource.relativeTo(dir)));
            assertEquals(Kind.UPLOAD_FAILED, e.kind());
            // Both anchors upload at once; whichever fails first is named.
            assertTrue((e.getMessage().contains("front.png") || e.getMessage().contains("side.png"))
                    && e.getMessage().contains("expired"), e.getMessage());
            assertEquals(2, strict.requests().stream().filter(x -> x.path().endsWith("/init-image")).count(), "one fresh target, no more");
            assertEquals(0, strict.requests().stream().filter(x -> x.path().endsWith("/generations")).count());
        }
    }

    @Test void aRefusedUploadTargetIsReplacedOnce() throws Exception {
        sandbox.faults().script("POST", "/s3", Fault.SERVER_ERROR);
        assertTrue(client.generate(spec(), ImageSource.relativeTo(dir)).complete());
        assertEquals(3, sandbox.requests().stream().filter(e -> e.path().endsWith("/init-image")).count());
    }
}
