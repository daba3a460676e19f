package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SandboxFaultsTest {
    static final String BODY = "{\"prompt\":\"olive skin, short black bob with a silver streak, green eyes, scar on left cheek\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":11}";
    Sandbox sandbox;
    SandboxClient c;

    void start(SandboxConfig.Builder b) {
        sandbox = Sandbox.start(b.latency(Duration.ofMillis(10)).build());
        c = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    private List<JsonNode> jobs() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var r = c.http.newCall(new okhttp3.Request.Builder().url(sandbox.inspectionUrl() + "jobs").build()).execute()) {
            Json.tree(r.body().string()).forEach(out::add);
        }
        return out;
    }

    @Test
    void resetBeforeCreatesNothingAndChargesNothing() throws Exception {
        start(SandboxConfig.builder());
        sandbox.faults().script("POST", "/generations", Fault.RESET_BEFORE);
        assertThrows(IOException.class, () -> c.post("/generations", BODY));
        assertEquals(0, jobs().size());
        assertEquals(SandboxConfig.DEFAULT_CREDITS, sandbox.credits());
        assertEquals(200, c.post("/generations", BODY).code(), "the script is used up; the next request works");
    }

    @Test
    void resetAfterLeavesAChargedJobTheClientNeverHeardOf() throws Exception {
        start(SandboxConfig.builder());
        sandbox.faults().script("POST", "/generations", Fault.RESET_AFTER);
        assertThrows(IOException.class, () -> c.post("/generations", BODY));
        List<JsonNode> jobs = jobs();
        assertEquals(1, jobs.size());
        assertTrue(sandbox.credits() < SandboxConfig.DEFAULT_CREDITS);
        assertEquals(SandboxConfig.DEFAULT_CREDITS - jobs.get(0).path("cost").asLong(), sandbox.credits());
        RequestLog.Entry e = sandbox.requests().get(0);
        assertEquals("reset-after", e.fault());
        assertEquals(-1, e.status());
    }

    @Test
    void truncatedBodyFailsTheRead() throws Exception {
        start(SandboxConfig.builder());
        sandbox.faults().script("GET", "/me", Fault.TRUNCATE);
        assertThrows(IOException.class, () -> c.get("/me"));
        assertEquals(200, c.get("/me").code());
    }

    @Test
    void statusFaultsCarryLeonardoShapesAndRetryAfter() throws Exception {
        start(SandboxConfig.builder());
        sandbox.faults().script("GET", "/me", Fault.RATE_LIMIT, Fault.SERVER_ERROR, Fault.UNAVAILABLE);
        SandboxClient.Result r429 = c.get("/me");
        assertEquals(429, r429.code());
        assertNotNull(r429.raw().header("Retry-After"));
        assertEquals("$", r429.json().path("path").asText());
        assertEquals(500, c.get("/me").code());
        SandboxClient.Result r503 = c.get("/me");
        assertEquals(503, r503.code());
        assertNotNull(r503.raw().header("Retry-After"));
    }

    @Test
    void failedJobEndsFailedAndIsRefunded() throws Exception {
        start(SandboxConfig.builder());
        sandbox.faults().script("POST", "/generations", Fault.FAIL);
        String id = c.post("/generations", BODY).json().path("sdGenerationJob").path("generationId").asText();
        JsonNode g = c.awaitGeneration(id);
        assertEquals("FAILED", g.path("status").asText());
        assertEquals(0, g.path("generated_images").size());
        assertEquals(SandboxConfig.DEFAULT_CREDITS, sandbox.credits());
    }

    @Test
    void moderationRefusesWithTheWordAndChargesNothing() throws Exception {
        start(SandboxConfig.builder());
        sandbox.faults().script("POST", "/generations", Fault.MODERATION);
        SandboxClient.Result r = c.post("/generations", BODY);
        assertEquals(403, r.code());
        String msg = r.json().path("error").asText();
        assertTrue(msg.startsWith("content moderation filter: "), msg);
        assertTrue(BODY.contains(msg.substring("content moderation filter: ".length())), msg);
        assertEquals(SandboxConfig.DEFAULT_CREDITS, sandbox.credits());
        assertEquals(403, c.post("/generations", "{\"prompt\":\"a nude portrait\"}").code(), "blocked words are always refused");
    }

    @Test
    void driftRendersSomeoneElse() throws Exception {
        start(SandboxConfig.builder());
        byte[] faithful = image(c.post("/generations", BODY));
        sandbox.faults().script("POST", "/generations", Fault.DRIFT);
        byte[] drifted = image(c.post("/generations", BODY));
        Identity a = ImageCodec.identityOf(faithful), b = ImageCodec.identityOf(drifted);
        assertNotNull(a);
        assertNotNull(b);
        assertNotEquals(a.hair(), b.hair());
        assertNotEquals(a.hairLength(), b.hairLength());
        assertNotEquals(a.layoutSeed(), b.layoutSeed());
        assertEquals(Identity.HairLength.BOB, a.hairLength());
    }

    private byte[] image(SandboxClient.Result r) throws Exception {
        JsonNode g = c.awaitGeneration(r.json().path("sdGenerationJob").path("generationId").asText());
        return c.download(g.path("generated_images").path(0).path("url").asText());
    }

    @Test
    void slowHoldsTheReplyButStillAnswers() throws Exception {
        start(SandboxConfig.builder().slowDelay(Duration.ofMillis(300)));
        sandbox.faults().script("GET", "/me", Fault.SLOW);
        assertEquals(200, c.get("/me").code());
        assertTrue(sandbox.requests().get(0).millis() >= 300);
    }

    @Test
    void seededSpecGivesTheSameFaultsForTheSameRequests() throws Exception {
        List<String> first = faultsOfRun(7), second = faultsOfRun(7), other = faultsOfRun(8);
        assertEquals(first, second);
        assertNotEquals(first, other);
        assertTrue(first.stream().anyMatch(f -> !f.equals("-")), "some faults drawn");
    }

    private List<String> faultsOfRun(long seed) throws Exception {
        start(SandboxConfig.builder().faults("429:0.3,500:0.2").seed(seed));
        try {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 30; i++) c.get("/me");
            for (RequestLog.Entry e : sandbox.requests()) out.add(e.fault() == null ? "-" : e.fault());
            return out;
        } finally {
            sandbox.close();
            sandbox = null;
        }
    }

    @Test
    void badSpecsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("429:0.1,boom:0.2"));
        assertTrue(e.getMessage().contains("unknown fault 'boom'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("429:0.8,500:0.5"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("429"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("429:lots"));
    }

    @Test
    void faultsCanBeScriptedOverHttpForOtherProcesses() throws Exception {
        start(SandboxConfig.builder());
        okhttp3.Request req = new okhttp3.Request.Builder().url(sandbox.inspectionUrl() + "faults")
                .post(okhttp3.RequestBody.create("{\"method\":\"GET\",\"path\":\"/me\",\"faults\":[\"503\"]}", SandboxClient.JSON)).build();
        try (var r = c.http.newCall(req).execute()) {
            assertEquals(200, r.code(), r.body().string());
        }
        assertEquals(503, c.get("/me").code());
        assertEquals(200, c.get("/me").code());
        okhttp3.Request bad = new okhttp3.Request.Builder().url(sandbox.inspectionUrl() + "faults")
                .post(okhttp3.RequestBody.create("{\"path\":\"/me\",\"faults\":[\"boom\"]}", SandboxClient.JSON)).build();
        try (var r = c.http.newCall(bad).execute()) {
            assertEquals(400, r.code());
            assertTrue(r.body().string().contains("unknown fault 'boom'"));
        }
    }
}
