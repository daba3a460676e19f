package dev.sitter.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/** Bad create bodies get Leonardo's error shape with a message naming the field. */
class SandboxValidationTest {
    static Sandbox sandbox;
    static SandboxClient c;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults());
        c = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"prompt\":\"x\",\"width\":\"512\"}|validation-failed|width",
            "{\"prompt\":\"x\",\"alchemy\":\"true\"}|validation-failed|alchemy",
            "{\"prompt\":\"x\",\"width\":1600}|validation-failed|width",
            "{\"prompt\":\"x\",\"height\":500}|validation-failed|height",
            "{\"prompt\":\"x\",\"num_images\":9}|validation-failed|num_images",
            "{\"prompt\":\"x\",\"width\":1024,\"num_images\":5}|validation-failed|num_images",
            "{\"prompt\":\"x\",\"init_strength\":0.95}|validation-failed|init_strength",
            "{\"prompt\":\"x\",\"presetStyle\":\"WATERCOLOUR\"}|validation-failed|presetStyle",
            "{\"prompt\":\"x\",\"modelId\":\"de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3\"}|validation-failed|PHOENIX",
            "{\"prompt\":\"x\",\"Prompt\":\"y\"}|bad-request|Unexpected variable Prompt",
            "{\"width\":512}|validation-failed|prompt",
            "{\"prompt\":\"x\",\"controlnets\":[{\"initImageId\":\"a\",\"initImageType\":\"UPLOADED\",\"preprocessorId\":133,\"weight\":1,\"strengthType\":\"Mid\"}]}|validation-failed|strengthType",
            "{\"prompt\":\"x\",\"controlnets\":[{\"initImageId\":\"a\",\"initImageType\":\"UPLOADED\",\"preprocessorId\":133,\"strengthType\":\"Max\"}]}|validation-failed|Max",
            "{\"prompt\":\"x\",\"controlnets\":[{\"initImageId\":\"a\",\"initimagetype\":\"UPLOADED\"}]}|bad-request|controlnets[0].initimagetype",
            "{\"prompt\":\"x\",\"init_image_id\":\"0b2c7a8e-3a50-4d1e-9f5e-2d9b1a7c6e10\"}|bad-request|init_image_id",
    })
    void rejected(String body, String code, String mentions) throws Exception {
        SandboxClient.Result r = c.post("/generations", body);
        assertEquals(400, r.code(), r.text());
        assertEquals(code, r.json().path("code").asText(), r.text());
        assertEquals("$", r.json().path("path").asText());
        assertTrue(r.json().path("error").asText().contains(mentions), r.text());
    }

    @org.junit.jupiter.api.Test
    void longPromptsAndBrokenJson() throws Exception {
        SandboxClient.Result r = c.post("/generations", "{\"prompt\":\"" + "a".repeat(1501) + "\"}");
        assertEquals("Invalid prompt, maximum length of 1500 characters exceeded.", r.json().path("error").asText());
        SandboxClient.Result broken = c.post("/generations", "{\"prompt\":");
        assertEquals(400, broken.code());
        assertEquals("invalid-json", broken.json().path("code").asText());
        assertEquals(200, c.post("/generations", "{\"prompt\":\"" + "a".repeat(1500) + "\",\"num_images\":1,\"width\":64,\"height\":64}").code());
    }

    @org.junit.jupiter.api.Test
    void wrongExtensionAndUnknownPaths() throws Exception {
        SandboxClient.Result r = c.post("/init-image", "{\"extension\":\"gif\"}");
        assertEquals(400, r.code());
        assertEquals("invalid file extension", r.json().path("error").asText());
        assertEquals(404, c.get("/no-such-thing").code());
        assertEquals("not-found", c.get("/no-such-thing").json().path("code").asText());
        assertTrue(c.get("/generations/0b2c7a8e-3a50-4d1e-9f5e-2d9b1a7c6e10").json().path("generations_by_pk").isNull());
        assertEquals(400, c.get("/generations/not-a-uuid").code());
    }
}
