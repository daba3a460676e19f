package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Raster;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SandboxApiTest {
    Sandbox sandbox;
    SandboxClient c;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(20)).build());
        c = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void baseUrlIsLoopbackApiRoot() {
        assertTrue(sandbox.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/api/rest/v1"), sandbox.baseUrl());
        assertTrue(sandbox.v2BaseUrl().endsWith("/api/rest/v2"));
        assertTrue(sandbox.inspectionUrl().toString().endsWith("/_sandbox/"));
    }

    @Test
    void missingOrEmptyBearerIsRefusedLikeLeonardo() throws Exception {
        for (String auth : new String[] {null, "", "Bearer ", "Bearer    "}) {
            Request.Builder rb = new Request.Builder().url(sandbox.baseUrl() + "/me");
            if (auth != null) rb.header("Authorization", auth);
            SandboxClient.Result r = c.call(rb.build());
            assertEquals(401, r.code());
            assertEquals("Authentication hook unauthorized this request", r.json().path("error").asText());
            assertEquals("$", r.json().path("path").asText());
            assertEquals("access-denied", r.json().path("code").asText());
        }
    }

    @Test
    void generationGoesPendingThenCompleteWithRealPngsOfTheRequestedSize() throws Exception {
        long before = c.get("/me").json().path("user_details").path(0).path("apiSubscriptionTokens").asLong();
        SandboxClient.Result r = c.post("/generations", "{\"prompt\":\"olive skin, short black bob, green eyes\",\"width\":512,\"height\":768,\"num_images\":2,\"seed\":42}");
        assertEquals(200, r.code(), r.text());
        JsonNode job = r.json().path("sdGenerationJob");
        String id = job.path("generationId").asText();
        assertTrue(Ids.isUuid(id));
        assertEquals("CREDITS", job.path("cost").path("unit").asText());
        long cost = Long.parseLong(job.path("cost").path("amount").asText());
        assertTrue(cost > 0);
        JsonNode g = c.awaitGeneration(id);
        assertEquals("COMPLETE", g.path("status").asText());
        assertEquals(42, g.path("seed").asLong());
        assertEquals(2, g.path("generated_images").size());
        for (JsonNode img : g.path("generated_images")) {
            byte[] png = c.download(img.path("url").asText());
            Raster px = ImageCodec.decode(png);
            assertNotNull(px, "a decodable PNG");
            assertEquals(512, px.width);
            assertEquals(768, px.height);
        }
        long after = c.get("/me").json().path("user_details").path(0).path("apiSubscriptionTokens").asLong();
        assertEquals(before - cost, after);
    }

    @Test
    void sameRequestAndSeedGiveTheSameBytesAndAnotherSeedDiffers() throws Exception {
        String body = "{\"prompt\":\"pale skin, long red hair, blue eyes, smiling, anime\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":%d}";
        byte[] a = firstImage(String.format(body, 5));
        byte[] b = firstImage(String.format(body, 5));
        byte[] d = firstImage(String.format(body, 6));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, d));
    }

    @Test
    void neighbouringSeedsShareNoImage() throws Exception {
        // A seed sweep (or the console's /next) must not pay for a picture the user already has.
        String body = "{\"prompt\":\"olive skin, short black bob, green eyes\",\"width\":128,\"height\":192,\"num_images\":3,\"seed\":%d}";
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int seed = 100; seed < 103; seed++) {
            for (byte[] png : images(String.format(body, seed))) {
                assertTrue(seen.add(dev.sitter.util.Sha256.hex(png)), "seed " + seed + " repeats an image of a neighbouring seed");
            }
        }
        assertEquals(9, seen.size());
    }

    private List<byte[]> images(String body) throws Exception {
        String id = c.post("/generations", body).json().path("sdGenerationJob").path("generationId").asText();
        List<byte[]> out = new java.util.ArrayList<>();
        for (JsonNode img : c.awaitGeneration(id).path("generated_images")) out.add(c.download(img.path("url").asText()));
        return out;
    }

    private byte[] firstImage(String body) throws Exception {
        String id = c.post("/generations", body).json().path("sdGenerationJob").path("generationId").asText();
        JsonNode g = c.awaitGeneration(id);
        return c.download(g.path("generated_images").path(0).path("url").asText());
    }

    @Test
    void unknownFieldIsAnUnexpectedVariable() throws Exception {
        SandboxClient.Result r = c.post("/generations", "{\"prompt\":\"x\",\"sd_Version\":\"SDXL_1_0\"}");
        assertEquals(400, r.code());
        assertEquals("Unexpected variable sd_Version", r.json().path("error").asText());
        assertEquals("bad-request", r.json().path("code").asText());
    }

    @Test
    void presignedUploadFlowStoresTheFileAndRefusesAuthorizationHeaders() throws Exception {
        byte[] png = firstImage("{\"prompt\":\"green eyes\",\"width\":256,\"height\":256,\"num_images\":1,\"seed\":1}");
        JsonNode u = c.post("/init-image", "{\"extension\":\"png\"}").json().path("uploadInitImage");
        assertTrue(u.path("fields").isTextual(), "fields is a JSON string, as in the spec");
        assertEquals(403, c.presignedPost(u.path("url").asText(), u.path("fields").asText(), png, true));
        assertEquals(204, c.presignedPost(u.path("url").asText(), u.path("fields").asText(), png, false));
        JsonNode got = c.get("/init-image/" + u.path("id").asText()).json().path("init_images_by_pk");
        assertArrayEquals(png, c.download(got.path("url").asText()));
    }

    @Test
    void platformModelsAndMe() throws Exception {
        JsonNode models = c.get("/platformModels").json().path("custom_models");
        assertTrue(models.size() > 5);
        assertTrue(models.findValuesAsText("name").contains("Leonardo Kino XL"));
        JsonNode me = c.get("/me").json().path("user_details").path(0);
        assertEquals(SandboxConfig.DEFAULT_CREDITS, me.path("apiSubscriptionTokens").asLong());
        assertTrue(Ids.isUuid(me.path("user").path("id").asText()));
    }

    @Test
    void idsAreFreshPerSandboxUnlessSeeded() throws Exception {
        try (Sandbox a = Sandbox.start(SandboxConfig.defaults()); Sandbox b = Sandbox.start(SandboxConfig.defaults());
             Sandbox c1 = Sandbox.start(SandboxConfig.builder().idSeed(9L).build());
             Sandbox c2 = Sandbox.start(SandboxConfig.builder().idSeed(9L).build())) {
            assertNotEquals(userId(a), userId(b));
            assertEquals(userId(c1), userId(c2));
        }
    }

    private static String userId(Sandbox s) throws Exception {
        return new SandboxClient(s).get("/me").json().path("user_details").path(0).path("user").path("id").asText();
    }

    @Test
    void theBearerTokenNeverReachesTheInspectionLog() throws Exception {
        String secret = "sk-very-secret-0123456789";
        c.call(new Request.Builder().url(sandbox.baseUrl() + "/me").header("Authorization", "Bearer " + secret).build());
        c.call(new Request.Builder().url(sandbox.baseUrl() + "/generations").header("Authorization", "Bearer " + secret)
                .post(okhttp3.RequestBody.create("{\"prompt\":\"x\",\"num_images\":1,\"width\":64,\"height\":64}", SandboxClient.JSON)).build());
        for (String path : new String[] {"requests", "jobs", ""}) {
            try (var r = c.http.newCall(new Request.Builder().url(sandbox.inspectionUrl() + path).build()).execute()) {
                String body = r.body().string();
                assertEquals(200, r.code());
                assertFalse(body.contains(secret), path + " leaks the token");
            }
        }
        assertEquals(2, sandbox.requests().size());
    }

    @Test
    void imagesCanLiveInADataDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (Sandbox s = Sandbox.start(SandboxConfig.builder().latency(Duration.ZERO).dataDir(dir).build())) {
            SandboxClient dc = new SandboxClient(s);
            String id = dc.post("/generations", "{\"prompt\":\"x\",\"num_images\":1,\"width\":64,\"height\":64}").json()
                    .path("sdGenerationJob").path("generationId").asText();
            JsonNode g = dc.awaitGeneration(id);
            byte[] png = dc.download(g.path("generated_images").path(0).path("url").asText());
            try (var files = java.nio.file.Files.walk(dir)) {
                assertTrue(files.filter(java.nio.file.Files::isRegularFile).anyMatch(p -> {
                    try { return java.util.Arrays.equals(java.nio.file.Files.readAllBytes(p), png); } catch (java.io.IOException e) { return false; }
                }));
            }
        }
    }
}
