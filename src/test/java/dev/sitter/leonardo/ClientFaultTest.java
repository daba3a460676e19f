package dev.sitter.leonardo;

import dev.sitter.leonardo.LeonardoException.Kind;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.util.Sha256;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every way a paid request can go wrong, scripted exactly. Each case ends with no duplicate paid
 * create (the fake counts jobs it created), no lost image, and a clear message.
 */
class ClientFaultTest {
    static final String CREATE = "POST /api/rest/v1/generations";

    @TempDir Path dir;
    FakeLeonardo fake;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Records every wait the client chooses; really waits at most 5 ms so tests stay fast. */
    final Sleeper recording = d -> {
        waits.add(d);
        Thread.sleep(Math.min(5, d.toMillis()));
    };

    @BeforeEach void start() throws Exception { fake = new FakeLeonardo(); }

    @AfterEach void stop() throws Exception { fake.close(); }

    LeonardoClient client() { return client(fake.config()); }

    LeonardoClient client(ClientConfig.Builder b) {
        return LeonardoClient.create(b.maxInFlight(10).build(), recording, Clock.systemUTC());
    }

    static PromptSpec spec() {
        return PromptSpec.builder().prompt("Mara Voss, olive skin").modelId("aa77f04e-3eec-4034-9c07-d0f619684628")
                .size(832, 1216).numImages(2).seed(4242L).build();
    }

    GenerationResult generate(LeonardoClient c) { return c.generate(spec(), ImageSource.relativeTo(dir)); }

    long jobs() { return fake.jobs.values().stream().filter(j -> j.kind.equals("generation")).count(); }

    void assertAllImagesDownloaded(GenerationResult r) {
        assertEquals(2, r.images().size());
        assertTrue(r.complete());
        for (GeneratedImage i : r.images()) assertArrayEquals(FakeLeonardo.image(i.url().substring(i.url().indexOf("/cdn/"))), i.bytes());
    }

    static MockResponse createdThen(FakeLeonardo f, mockwebserver3.RecordedRequest r, MockResponse answer) {
        f.createJob(r, "generation");
        return answer;
    }

    // ---------------------------------------------------------------- 429: not created, so resending is safe

    @Test void rateLimitedCreateWaitsRetryAfterSecondsAndResendsOnce() {
        fake.fault(CREATE, r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body("{\"error\":\"Too Many Requests\",\"path\":\"$\",\"code\":\"rate-limited\"}").build());
        try (LeonardoClient c = client()) {
            GenerationResult r = generate(c);
            assertAllImagesDownloaded(r);
        }
        assertEquals(2, fake.creates(), "the 429 and the resend");
        assertEquals(1, jobs(), "exactly one job exists");
        assertTrue(waits.stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(7)) >= 0), "honoured Retry-After: " + waits);
    }

    @Test void rateLimitedReadHonoursAnHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        fake.fault("GET /api/rest/v1/me", r -> new MockResponse.Builder().code(429).addHeader("Retry-After", date).build());
        try (LeonardoClient c = client()) {
            assertEquals(FakeLeonardo.USER_ID, c.me().userId());
        }
        assertTrue(waits.stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(20)) >= 0), "waited for the date: " + waits);
    }

    @Test void aRetryAfterBeyondTheLimitFailsClearlyInsteadOfHanging() {
        fake.fault(CREATE, r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.RATE_LIMITED, e.kind());
            assertTrue(e.getMessage().contains("nothing was created"), e.getMessage());
        }
        assertEquals(0, jobs());
    }

    // ---------------------------------------------------------------- unknown outcomes: reconcile, never resend

    @Test void a500AfterTheServerCreatedTheJobIsReconciledNotResent() {
        fake.fault(CREATE, r -> createdThen(fake, r, FakeLeonardo.json(500, "{\"error\":\"Service Error\"}")));
        try (LeonardoClient c = client()) {
            GenerationResult r = generate(c);
            assertTrue(r.reconciled());
            assertNull(r.cost(), "cost was on the lost answer");
            assertEquals(fake.jobs.keySet().iterator().next(), r.generationId());
            assertAllImagesDownloaded(r);
        }
        assertEquals(1, fake.creates());
        assertEquals(1, jobs());
    }

    @Test void a503WithNoJobCreatedFailsWithWhatToCheckAndDoesNotResend() {
        fake.fault(CREATE, r -> FakeLeonardo.json(503, "<html>upstream unavailable</html>"));
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.UNCERTAIN, e.kind());
            assertTrue(e.getMessage().contains("did not resend"), e.getMessage());
            assertTrue(e.getMessage().contains("seed 4242"), e.getMessage());
            assertFalse(e.getMessage().contains("test-key"));
        }
        assertEquals(1, fake.creates());
        assertEquals(0, jobs());
        assertFalse(fake.seen("GET /api/rest/v1/generations/user/" + FakeLeonardo.USER_ID).isEmpty(), "history was checked");
    }

    @Test void connectionDroppedAfterTheRequestArrivedIsReconciled() {
        fake.fault(CREATE, r -> createdThen(fake, r, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build()));
        try (LeonardoClient c = client()) {
            c.me(); // warm the pool: OkHttp's silent retry would fire on a reused connection, so this proves it is off
            GenerationResult r = generate(c);
            assertTrue(r.reconciled());
            assertAllImagesDownloaded(r);
        }
        assertEquals(1, fake.creates());
        assertEquals(1, jobs());
    }

    @Test void connectionDroppedWithoutAJobIsUncertainAndNotResent() {
        fake.fault(CREATE, r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        try (LeonardoClient c = client()) {
            c.me();
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.UNCERTAIN, e.kind());
        }
        assertEquals(1, fake.creates());
        assertEquals(0, jobs());
    }

    @Test void aCreateThatNeverLeftTheMachineIsRetriedSafely() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) { deadPort = s.getLocalPort(); }
        ClientConfig.Builder b = ClientConfig.builder("http://127.0.0.1:" + deadPort + "/api/rest/v1", ApiKey.of("test-key-0123456789"))
                .retry(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2))).maxInFlight(1);
        try (LeonardoClient c = LeonardoClient.create(b.build(), recording, Clock.systemUTC())) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.NETWORK, e.kind());
            assertTrue(e.getMessage().contains("tried 5 times"), e.getMessage());
        }
    }

    @Test void aReadTimeoutAfterSendingIsReconciled() {
        fake.fault(CREATE, r -> createdThen(fake, r, new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build()));
        try (LeonardoClient c = client(fake.config().readTimeout(Duration.ofMillis(300)))) {
            GenerationResult r = generate(c);
            assertTrue(r.reconciled());
            assertAllImagesDownloaded(r);
        }
        assertEquals(1, fake.creates());
        assertEquals(1, jobs());
    }

    @Test void truncatedJsonOnTheCreateIsReconciled() {
        fake.fault(CREATE, r -> createdThen(fake, r, FakeLeonardo.json(200, "{\"sdGenerationJob\":{\"generati")));
        try (LeonardoClient c = client()) {
            assertTrue(generate(c).reconciled());
        }
        assertEquals(1, fake.creates());
        assertEquals(1, jobs());
    }

    @Test void twoIdenticalLostCreatesAreNotBothAdoptedAsTheSameJob() {
        fake.fault(CREATE, r -> createdThen(fake, r, FakeLeonardo.json(500, "{}")));
        fake.fault(CREATE, r -> createdThen(fake, r, FakeLeonardo.json(500, "{}")));
        try (LeonardoClient c = client()) {
            GenerationResult a = generate(c);
            GenerationResult b = generate(c);
            assertNotEquals(a.generationId(), b.generationId());
        }
        assertEquals(2, jobs());
    }

    // ---------------------------------------------------------------- reads: retried, nothing lost

    @Test void serverErrorsAndTruncatedJsonWhilePollingAreRetried() {
        fake.pollsToComplete = 2;
        try (LeonardoClient c = client()) {
            FlakyPolls.install(fake, List.of(
                    FakeLeonardo.json(503, "{\"error\":\"Service Error\"}"),
                    FakeLeonardo.json(200, "{\"generations_by_pk\":{\"id\":"),
                    new MockResponse.Builder().code(500).build()));
            GenerationResult r = generate(c);
            assertAllImagesDownloaded(r);
        }
        assertEquals(1, fake.creates());
    }

    @Test void anUnknownStatusIsTreatedAsPending() {
        FlakyPolls.install(fake, List.of(FakeLeonardo.json(200, "{\"generations_by_pk\":{\"status\":\"QUEUED_FOR_GPU\",\"generated_images\":[]}}")));
        try (LeonardoClient c = client()) {
            assertAllImagesDownloaded(generate(c));
        }
    }

    @Test void aFailedDownloadKeepsTheImageUrlAndSaysWhy() {
        FlakyDownloads.install(fake, 404);
        try (LeonardoClient c = client()) {
            GenerationResult r = generate(c);
            assertFalse(r.complete());
            GeneratedImage lost = r.images().stream().filter(i -> !i.downloaded()).findFirst().orElseThrow();
            assertNotNull(lost.url());
            assertTrue(lost.downloadError().contains("HTTP 404"), lost.downloadError());
        }
    }

    // ---------------------------------------------------------------- definite failures

    @Test void aFailedJobSaysSoAndNamesTheGeneration() {
        fake.finalStatus = "FAILED";
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.JOB_FAILED, e.kind());
            assertNotNull(e.generationId());
            assertTrue(e.getMessage().contains(e.generationId()));
        }
        assertEquals(1, fake.creates());
    }

    @Test void moderationIsReportedWithoutReconcilingOrResending() {
        fake.fault(CREATE, r -> FakeLeonardo.json(403, "{\"error\":\"content moderation filter: blood\",\"path\":\"$\",\"code\":\"unexpected\"}"));
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.MODERATION, e.kind());
            assertTrue(e.getMessage().contains("blood"), e.getMessage());
            assertTrue(e.getMessage().contains("Reword the prompt"), e.getMessage());
        }
        assertEquals(1, fake.creates());
        assertTrue(fake.seen("GET /api/rest/v1/generations/user/" + FakeLeonardo.USER_ID).isEmpty());
    }

    @Test void anInvalidFieldIsNamed() {
        fake.fault(CREATE, r -> FakeLeonardo.json(400, "{\"error\":\"Unexpected variable sd_Version\",\"path\":\"$\",\"code\":\"bad-request\"}"));
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> generate(c));
            assertEquals(Kind.INVALID_FIELD, e.kind());
            assertEquals("sd_Version", e.field());
        }
        assertEquals(1, fake.creates());
    }

    @Test void anExpiredUploadUrlIsReplacedOnce() throws Exception {
        Path p = dir.resolve("front.png");
        Files.write(p, FakeLeonardo.image("front"));
        fake.fault("POST /s3/upload", r -> FakeLeonardo.json(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));
        PromptSpec s = spec().toBuilder().references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "front.png",
                Sha256.file(p), null, 133, "Mid", null, null))).build();
        try (LeonardoClient c = client()) {
            assertTrue(c.generate(s, ImageSource.relativeTo(dir)).complete());
        }
        assertEquals(2, fake.seen("POST /api/rest/v1/init-image").size());
        assertEquals(2, fake.seen("POST /s3/upload").size());
        assertEquals(1, fake.creates());
    }

    @Test void anUploadThatFailsTwiceStopsBeforeAnythingIsPaid() throws Exception {
        Path p = dir.resolve("front.png");
        Files.write(p, FakeLeonardo.image("front"));
        fake.fault("POST /s3/upload", r -> FakeLeonardo.json(403, "<Error>Request has expired</Error>"),
                r -> FakeLeonardo.json(403, "<Error>Request has expired</Error>"));
        PromptSpec s = spec().toBuilder().references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "front.png",
                Sha256.file(p), null, 133, "Mid", null, null))).build();
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> c.generate(s, ImageSource.relativeTo(dir)));
            assertEquals(Kind.UPLOAD_FAILED, e.kind());
            assertTrue(e.getMessage().contains("front.png"), e.getMessage());
        }
        assertEquals(0, fake.creates());
    }

    @Test void aChangedReferenceFileIsRefusedBeforeUploading() throws Exception {
        Path p = dir.resolve("front.png");
        Files.write(p, FakeLeonardo.image("front"));
        PromptSpec s = spec().toBuilder().references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "front.png",
                "0".repeat(64), null, 133, "Mid", null, null))).build();
        try (LeonardoClient c = client()) {
            LeonardoException e = assertThrows(LeonardoException.class, () -> c.generate(s, ImageSource.relativeTo(dir)));
            assertEquals(Kind.CONFIG, e.kind());
            assertTrue(e.getMessage().contains("changed"), e.getMessage());
        }
        assertEquals(0, fake.creates());
        assertTrue(fake.seen("POST /api/rest/v1/init-image").isEmpty());
    }
}
