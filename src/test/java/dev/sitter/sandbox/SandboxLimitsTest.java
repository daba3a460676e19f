package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SandboxLimitsTest {
    static final String BODY = "{\"prompt\":\"green eyes\",\"width\":128,\"height\":128,\"num_images\":1}";
    Sandbox sandbox;
    SandboxClient c;

    void start(SandboxConfig.Builder b) {
        sandbox = Sandbox.start(b.build());
        c = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void createsPerMinuteIsPerEndpoint() throws Exception {
        start(SandboxConfig.builder().latency(Duration.ZERO).createsPerMinute(2));
        assertEquals(200, c.post("/generations", BODY).code());
        assertEquals(200, c.post("/generations", BODY).code());
        SandboxClient.Result third = c.post("/generations", BODY);
        assertEquals(429, third.code());
        long retry = Long.parseLong(third.raw().header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        assertEquals(200, c.postV2("{\"model\":\"flux-pro-2.0\",\"parameters\":{\"prompt\":\"x\",\"width\":256,\"height\":256}}").code(),
                "v2 has its own bucket");
        assertEquals(200, c.get("/me").code(), "reads are not creates");
    }

    @Test
    void requestsPerMinuteCoversEverything() throws Exception {
        start(SandboxConfig.builder().requestsPerMinute(5));
        for (int i = 0; i < 5; i++) assertEquals(200, c.get("/me").code());
        SandboxClient.Result r = c.get("/platformModels");
        assertEquals(429, r.code());
        assertNotNull(r.raw().header("Retry-After"));
    }

    @Test
    void jobsBeyondConcurrencyAreQueuedNotRefused() throws Exception {
        start(SandboxConfig.builder().latency(Duration.ofMillis(100)).concurrency(1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SandboxClient.Result r = c.post("/generations", BODY);
            assertEquals(200, r.code());
            ids.add(r.json().path("sdGenerationJob").path("generationId").asText());
        }
        for (String id : ids) assertEquals("COMPLETE", c.awaitGeneration(id).path("status").asText());
    }

    @Test
    void aFullQueueGets429() throws Exception {
        start(SandboxConfig.builder().latency(Duration.ofSeconds(30)).concurrency(1).queueLimit(2));
        assertEquals(200, c.post("/generations", BODY).code());
        assertEquals(200, c.post("/generations", BODY).code());
        SandboxClient.Result r = c.post("/generations", BODY);
        assertEquals(429, r.code());
        assertNotNull(r.raw().header("Retry-After"));
        assertEquals(2, sandbox.unfinishedJobs());
    }

    @Test
    void anEmptyBalanceIsRefusedAndNothingIsCharged() throws Exception {
        start(SandboxConfig.builder().startingCredits(2));
        SandboxClient.Result r = c.post("/generations", BODY);
        assertEquals(402, r.code(), r.text());
        assertTrue(r.json().path("error").asText().contains("Not enough API credits"));
        assertEquals(2, c.get("/me").json().path("user_details").path(0).path("apiSubscriptionTokens").asLong());
    }

    @Test
    void pricingEstimateEqualsTheCharge() throws Exception {
        start(SandboxConfig.builder().latency(Duration.ZERO));
        String upload = c.upload(new byte[] {(byte) 137, 'P', 'N', 'G'}, "png");
        String gen = "{\"prompt\":\"olive skin\",\"width\":832,\"height\":1216,\"num_images\":2,\"num_inference_steps\":40,\"alchemy\":true,"
                + "\"controlnets\":[{\"initImageId\":\"" + upload + "\",\"initImageType\":\"UPLOADED\",\"preprocessorId\":133,\"strengthType\":\"Mid\"}]}";
        JsonNode job = c.post("/generations", gen).json().path("sdGenerationJob");
        long charged = Long.parseLong(job.path("cost").path("amount").asText());
        String calc = "{\"service\":\"IMAGE_GENERATION\",\"serviceParams\":{\"IMAGE_GENERATION\":{\"imageWidth\":832,\"imageHeight\":1216,"
                + "\"numImages\":2,\"inferenceSteps\":40,\"alchemyMode\":true,\"isSDXLLightning\":true,\"controlnetsCost\":"
                + CostTable.PER_CONTROLNET + "}}}";
        long estimate = c.post("/pricing-calculator", calc).json().path("calculateProductionApiServiceCost").path("cost").asLong();
        assertEquals(estimate, charged);
        assertEquals(SandboxConfig.DEFAULT_CREDITS - charged, sandbox.credits());
    }
}
