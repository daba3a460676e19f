package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.InitImage;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;
import dev.sitter.util.Sha256;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every portrait operation against a scripted Leonardo over loopback HTTP. */
class LeonardoClientTest {
    @TempDir Path dir;
    FakeLeonardo fake;
    LeonardoClient client;

    @BeforeEach void start() throws Exception {
        fake = new FakeLeonardo();
        client = LeonardoClient.create(fake.config().cacheDir(dir.resolve("cache")).build());
    }

    @AfterEach void stop() throws Exception {
        client.close();
        fake.close();
    }

    private Path png(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        byte[] b = FakeLeonardo.image(content);
        Files.write(p, b);
        return p;
    }

    private ReferenceImage ref(Path p, ReferenceRole role, int pre, String strength) {
        return new ReferenceImage(role, p.getFileName().toString(), Sha256.file(p), null, pre, strength, null, "frontal");
    }

    @Test void generatesV1WithReferencesUploadingEachAnchorOnce() throws Exception {
        Path front = png("front.png", "front"), side = png("side.png", "side");
        PromptSpec spec = PromptSpec.builder().prompt("Mara Voss, olive skin").negativePrompt("watermark")
                .modelId("aa77f04e-3eec-4034-9c07-d0f619684628").size(832, 1216).numImages(2).seed(4242L)
                .references(List.of(ref(front, ReferenceRole.CHARACTER, 133, "Mid"), ref(side, ReferenceRole.CHARACTER, 133, "Mid")))
                .build();

        GenerationResult r = client.generate(spec, ImageSource.relativeTo(dir));

        assertEquals(2, r.images().size());
        assertTrue(r.complete());
        assertArrayEquals(FakeLeonardo.image("/cdn/" + r.generationId() + "/0.png"), r.images().get(0).bytes());
        assertEquals(4242L, r.seed());
        assertEquals(new Cost("0.0147", "DOLLARS"), r.cost());
        assertEquals("aa77f04e-3eec-4034-9c07-d0f619684628", r.modelId());
        assertFalse(r.reconciled());
        assertTrue(r.timing().polls() >= 1);

        JsonNode sent = FakeLeonardo.body(fake.seen("POST /api/rest/v1/generations").get(0));
        assertEquals(false, sent.get("public").asBoolean(true));
        assertEquals(2, sent.get("controlnets").size());
        assertEquals(133, sent.get("controlnets").get(0).get("preprocessorId").asInt());
        assertEquals("UPLOADED", sent.get("controlnets").get(0).get("initImageType").asText());
        assertFalse(sent.has("alchemy"), "unset fields stay off the wire");
        assertEquals(2, fake.seen("POST /api/rest/v1/init-image").size());
        assertEquals(2, fake.seen("POST /s3/upload").size());

        client.generate(spec, ImageSource.relativeTo(dir));
        assertEquals(2, fake.seen("POST /api/rest/v1/init-image").size(), "anchors are uploaded once per client");

        try (LeonardoClient again = LeonardoClient.create(fake.config().cacheDir(dir.resolve("cache")).build())) {
            again.generate(spec, ImageSource.relativeTo(dir));
        }
        assertEquals(2, fake.seen("POST /api/rest/v1/init-image").size(), "the id cache file survives the client");
        assertTrue(Files.readString(dir.resolve("cache").resolve(UploadCache.FILE_NAME)).contains(Sha256.file(front)));
    }

    @Test void theKeyGoesOnlyToTheApi() throws Exception {
        Path front = png("front.png", "front");
        PromptSpec spec = PromptSpec.builder().prompt("p").references(List.of(ref(front, ReferenceRole.CHARACTER, 133, "Low"))).build();
        client.generate(spec, ImageSource.relativeTo(dir));
        for (RecordedRequest r : fake.requests) {
            boolean api = r.getUrl().encodedPath().startsWith("/api/rest/");
            assertEquals(api, r.getHeaders().get("Authorization") != null, r.getRequestLine());
        }
        assertFalse(fake.seen("POST /s3/upload").isEmpty());
        assertFalse(fake.requests.stream().noneMatch(r -> r.getUrl().encodedPath().startsWith("/cdn/")));
        assertFalse(client.toString().contains("test-key"));
        assertFalse(client.config().toString().contains("test-key"));
    }

    @Test void aRedirectToAnotherHostDoesNotCarryTheKey() throws Exception {
        try (mockwebserver3.MockWebServer other = new mockwebserver3.MockWebServer()) {
            other.enqueue(FakeLeonardo.json(200, "{\"user_details\":[{\"user\":{\"id\":\"u\"},\"apiConcurrencySlots\":3}]}"));
            other.start();
            fake.fault("GET /api/rest/v1/me", r -> new mockwebserver3.MockResponse.Builder().code(302)
                    .addHeader("Location", other.url("/api/rest/v1/me").toString()).build());
            assertEquals(3, client.me().apiConcurrencySlots());
            RecordedRequest there = other.takeRequest();
            assertNull(there.getHeaders().get("Authorization"), "same path, different origin: no key");
        }
    }

    @Test void v2PostsModelPublicParametersAndReadsResultsThroughV1() {
        PromptSpec spec = PromptSpec.builder().surface(Surface.V2).modelId("flux-pro-2.0").prompt("portrait").size(960, 1440)
                .numImages(1).seed(7L).references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, null, null,
                        "11111111-2222-4333-8444-555555555555", null, "High", null, null))).build();
        GenerationResult r = client.generate(spec, ImageSource.relativeTo(dir));
        JsonNode sent = FakeLeonardo.body(fake.seen("POST /api/rest/v2/generations").get(0));
        assertEquals("flux-pro-2.0", sent.get("model").asText());
        assertEquals("HIGH", sent.at("/parameters/guidances/image_reference/0/strength").asText());
        assertEquals(1, r.images().size());
        assertNull(r.cost(), "v2 answers carry no cost here");
        assertFalse(fake.seen("GET /api/rest/v1/generations/" + r.generationId()).isEmpty());
    }

    @Test void seedMayComeBackAsAString() {
        fake.seedAsString = true;
        GenerationResult r = client.generate(PromptSpec.builder().prompt("p").build(), ImageSource.relativeTo(dir));
        assertEquals(987654321L, r.seed());
    }

    @Test void refineUsesTheGeneratedImageIdAndStrength() {
        GenerationResult first = client.generate(PromptSpec.builder().prompt("p").numImages(1).build(), ImageSource.relativeTo(dir));
        String imageId = first.images().get(0).id();
        client.refine(PromptSpec.builder().prompt("p").build(), imageId, 0.35, ImageSource.relativeTo(dir));
        JsonNode sent = FakeLeonardo.body(fake.seen("POST /api/rest/v1/generations").get(1));
        assertEquals(imageId, sent.get("init_generation_image_id").asText());
        assertEquals(0.35, sent.get("init_strength").asDouble());
        assertFalse(sent.has("init_image_id"));
    }

    @Test void imageToImageFromALocalFileUploadsIt() throws Exception {
        Path src = png("src.png", "source");
        PromptSpec spec = PromptSpec.builder().prompt("p").init(new InitImage("src.png", Sha256.file(src), null, 0.4)).build();
        client.generate(spec, ImageSource.relativeTo(dir));
        JsonNode sent = FakeLeonardo.body(fake.seen("POST /api/rest/v1/generations").get(0));
        assertTrue(sent.has("init_image_id"));
        assertEquals(0.4, sent.get("init_strength").asDouble());
    }

    @Test void inpaintUploadsInitAndMaskAndSendsACanvasRequest() {
        client.inpaint(PromptSpec.builder().prompt("fix the scar").modelId("aa77f04e-3eec-4034-9c07-d0f619684628").build(),
                FakeLeonardo.image("init"), FakeLeonardo.image("mask"), 0.15, ImageSource.relativeTo(dir));
        assertEquals(1, fake.seen("POST /api/rest/v1/canvas-init-image").size());
        assertEquals(2, fake.seen("POST /s3/upload").size());
        JsonNode sent = FakeLeonardo.body(fake.seen("POST /api/rest/v1/generations").get(0));
        assertTrue(sent.get("canvasRequest").asBoolean());
        assertEquals("INPAINT", sent.get("canvasRequestType").asText());
        assertTrue(sent.has("canvasInitId") && sent.has("canvasMaskId"));
        assertEquals(0.15, sent.get("init_strength").asDouble());
    }

    @Test void upscaleParsesTheSpecsMisspelledKeyPollsAndDownloads() {
        VariationResult v = client.upscale("img-1");
        assertTrue(v.downloaded());
        assertEquals("UPSCALE", v.transformType());
        assertEquals(new Cost("5", "CREDITS"), v.cost());
        assertEquals("img-1", FakeLeonardo.body(fake.seen("POST /api/rest/v1/variations/upscale").get(0)).get("id").asText());
    }

    @Test void universalUpscaleAndBackgroundRemoval() {
        VariationResult u = client.universalUpscale(UniversalUpscale.ultra("img-2", "REALISTIC", 1.5, 5, 4));
        assertTrue(u.downloaded());
        JsonNode sent = FakeLeonardo.body(fake.seen("POST /api/rest/v1/variations/universal-upscaler").get(0));
        assertEquals("img-2", sent.get("generatedImageId").asText());
        assertEquals("REALISTIC", sent.get("ultraUpscaleStyle").asText());
        assertFalse(sent.has("upscalerStyle"));

        VariationResult n = client.removeBackground(u.variationId(), true);
        assertEquals("NOBG", n.transformType());
        assertTrue(FakeLeonardo.body(fake.seen("POST /api/rest/v1/variations/nobg").get(0)).get("isVariation").asBoolean());
        assertThrows(IllegalArgumentException.class, () -> new UniversalUpscale(UniversalUpscale.Source.GENERATED, "x",
                null, null, "GENERAL", "ARTISTIC", null, null, null));
    }

    @Test void accountModelsEstimatesAndHelpers() {
        Me me = client.me();
        assertEquals(FakeLeonardo.USER_ID, me.userId());
        assertEquals(10, me.apiConcurrencySlots());
        assertEquals(4500, me.apiCredits());
        client.me();
        assertEquals(1, fake.seen("GET /api/rest/v1/me").size(), "cached");

        assertEquals("aa77f04e-3eec-4034-9c07-d0f619684628", client.resolveModel("leonardo kino xl"));
        client.resolveModel("Leonardo Phoenix 1.0");
        assertEquals(1, fake.seen("GET /api/rest/v1/platformModels").size(), "models cached per client");
        LeonardoException unknown = assertThrows(LeonardoException.class, () -> client.resolveModel("Kino XL"));
        assertEquals(LeonardoException.Kind.INVALID_FIELD, unknown.kind());
        assertTrue(unknown.getMessage().contains("did you mean 'Leonardo Kino XL'"), unknown.getMessage());

        PromptSpec byName = PromptSpec.builder().prompt("p").modelName("Leonardo Kino XL").build();
        client.generate(byName, ImageSource.relativeTo(dir));
        assertEquals("aa77f04e-3eec-4034-9c07-d0f619684628",
                FakeLeonardo.body(fake.seen("POST /api/rest/v1/generations").get(0)).get("modelId").asText());

        assertEquals(24, client.estimate(PromptSpec.builder().prompt("p").size(832, 1216).numImages(2).build()).cost());
        JsonNode est = FakeLeonardo.body(fake.seen("POST /api/rest/v1/pricing-calculator").get(0));
        assertEquals("IMAGE_GENERATION", est.get("service").asText());
        assertEquals(832, est.at("/serviceParams/IMAGE_GENERATION/imageWidth").asInt());

        assertEquals("a better prompt", client.improvePrompt("mara", null).prompt());
        LeonardoException tooLong = assertThrows(LeonardoException.class, () -> client.improvePrompt("x".repeat(200), null));
        assertEquals("prompt", tooLong.field());
        assertEquals(1, fake.seen("POST /api/rest/v1/prompt/improve").size(), "refused before paying");

        List<GenerationView> history = client.generationsByUser(me.userId(), 0, 10);
        assertEquals(1, history.size());
        client.deleteGeneration(history.get(0).id());
        assertEquals(1, fake.seen("DELETE /api/rest/v1/generations/" + history.get(0).id()).size());
    }

    @Test void batchQueuesWithinTheSlotsAndReturnsEveryOutcomeInOrder() {
        fake.pollsToComplete = 3;
        try (LeonardoClient c = LeonardoClient.create(fake.config().maxInFlight(3).build(), Sleeper.REAL, Clock.systemUTC())) {
            List<PromptSpec> specs = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) specs.add(PromptSpec.builder().prompt("shot " + i).numImages(1).seed((long) i).build());
            List<BatchOutcome> out = c.generateAll(specs, ImageSource.relativeTo(dir));
            assertEquals(25, out.size());
            for (int i = 0; i < 25; i++) {
                assertTrue(out.get(i).ok(), String.valueOf(out.get(i).error()));
                assertEquals((long) i, out.get(i).result().seed());
            }
            assertEquals(25, fake.creates());
            assertTrue(fake.maxRunning.get() <= 3, "at most 3 jobs ran at once, saw " + fake.maxRunning.get());
        }
    }

    @Test void concurrentJobsSharingAnAnchorSetUploadItOnce() throws Exception {
        List<ReferenceImage> anchors = List.of(ref(png("f.png", "f"), ReferenceRole.CHARACTER, 133, "Mid"),
                ref(png("t.png", "t"), ReferenceRole.CHARACTER, 133, "Mid"), ref(png("p.png", "p"), ReferenceRole.CHARACTER, 133, "Mid"));
        try (LeonardoClient c = LeonardoClient.create(fake.config().maxInFlight(6).build())) {
            List<PromptSpec> specs = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) specs.add(PromptSpec.builder().prompt("shot " + i).references(anchors).build());
            assertTrue(c.generateAll(specs, ImageSource.relativeTo(dir)).stream().allMatch(BatchOutcome::ok));
        }
        assertEquals(3, fake.seen("POST /api/rest/v1/init-image").size());
    }

    @Test void aDamagedUploadCacheFileOnlyCostsAReupload() throws Exception {
        Path cache = dir.resolve("cache2");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve(UploadCache.FILE_NAME), "{\"entries\": {\"x\": ");
        Path front = png("front.png", "front");
        try (LeonardoClient c = LeonardoClient.create(fake.config().cacheDir(cache).build())) {
            c.generate(PromptSpec.builder().prompt("p").references(List.of(ref(front, ReferenceRole.CHARACTER, 133, "Mid"))).build(),
                    ImageSource.relativeTo(dir));
        }
        assertEquals(1, fake.seen("POST /api/rest/v1/init-image").size());
        JsonNode saved = dev.sitter.model.Json.tree(Files.readString(cache.resolve(UploadCache.FILE_NAME)));
        assertEquals(1, saved.get("entries").size(), "rewritten whole, damaged part dropped");
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }

    @Test void theListenerSeesTheIntentBeforeTheSendAndTheIdAfter() {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        GenerationResult r = client.generate(PromptSpec.builder().prompt("journal me").seed(1L).build(), ImageSource.relativeTo(dir),
                new JobListener() {
                    @Override public void beforeSend(String endpoint, com.fasterxml.jackson.databind.node.ObjectNode body) {
                        events.add("intent " + endpoint + " " + body.get("prompt").asText() + " creates=" + fake.creates());
                    }

                    @Override public void submitted(String id, Cost cost, boolean reconciled) {
                        events.add("submitted " + id + " " + cost + " " + reconciled);
                    }
                });
        assertEquals(List.of("intent POST /generations journal me creates=0",
                "submitted " + r.generationId() + " 0.0147 DOLLARS false"), events);

        LeonardoException veto = assertThrows(LeonardoException.class, () -> client.generate(PromptSpec.builder().prompt("no").build(),
                ImageSource.relativeTo(dir), new JobListener() {
                    @Override public void beforeSend(String endpoint, com.fasterxml.jackson.databind.node.ObjectNode body) {
                        throw new LeonardoException(LeonardoException.Kind.CONFIG, "journal is full");
                    }
                }));
        assertEquals("journal is full", veto.getMessage());
        assertEquals(1, fake.creates(), "a listener that throws cancels the send");
    }

    @Test void fetchResumesAnExistingJobAndAMissingOneFailsFast() {
        GenerationResult first = client.generate(PromptSpec.builder().prompt("p").numImages(1).build(), ImageSource.relativeTo(dir));
        GenerationResult again = client.fetch(first.generationId());
        assertArrayEquals(first.images().get(0).bytes(), again.images().get(0).bytes());
        LeonardoException gone = assertThrows(LeonardoException.class, () -> client.fetch("9a7b3c1d-0000-4000-8000-00000000dead"));
        assertEquals(LeonardoException.Kind.NOT_FOUND, gone.kind());
        assertEquals("9a7b3c1d-0000-4000-8000-00000000dead", gone.generationId());
        assertEquals(4, fake.seen("GET /api/rest/v1/generations/9a7b3c1d-0000-4000-8000-00000000dead").size(),
                "an old job gets a few tries, not the minute-long grace a just-created one gets");
    }

    @Test void slotsComeFromMeWhenNotConfigured() {
        fake.apiConcurrencySlots = 4;
        assertEquals(4, client.slots());
    }

    @org.junit.jupiter.api.RepeatedTest(3) void aBadKeyStopsTheBatch() {
        try (LeonardoClient c = LeonardoClient.create(ClientConfig.builder(fake.base(), ApiKey.of("wrong-key-000000")).maxInFlight(1)
                .retry(new Backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2))).build())) {
            List<BatchOutcome> out = c.generateAll(List.of(PromptSpec.builder().prompt("a").build(),
                    PromptSpec.builder().prompt("b").build(), PromptSpec.builder().prompt("c").build()), ImageSource.relativeTo(dir));
            assertTrue(out.stream().noneMatch(BatchOutcome::ok));
            assertEquals(LeonardoException.Kind.BAD_KEY, out.get(0).error().kind());
            assertTrue(out.get(2).error().getMessage().startsWith("Not sent"), out.get(2).error().getMessage());
            assertEquals(1, fake.creates(), "later specs are not sent after a key failure");
            assertFalse(out.get(0).error().getMessage().contains("wrong-key"));
        }
    }

    static Map<String, String> env(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
