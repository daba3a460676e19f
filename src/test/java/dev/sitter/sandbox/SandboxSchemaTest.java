package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Walks every endpoint the sandbox serves and validates each 200 reply against the spec's response schema. */
class SandboxSchemaTest {
    static Sandbox sandbox;
    static SandboxClient c;
    static OpenApiSchemas schemas;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(10)).build());
        c = new SandboxClient(sandbox);
        schemas = new OpenApiSchemas(OpenApiSchemas.locateSpec(), true);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private JsonNode check(String method, String template, SandboxClient.Result r) {
        assertEquals(200, r.code(), method + " " + template + ": " + r.text());
        Set<String> msgs = schemas.validate(method, template, r.json());
        if (!msgs.isEmpty()) problems.add(method + " " + template + " -> " + msgs + "\n   body: " + r.text());
        return r.json();
    }

    @Test
    void everyReplyMatchesTheSpec() throws Exception {
        JsonNode me = check("GET", "/me", c.get("/me"));
        String userId = me.path("user_details").path(0).path("user").path("id").asText();
        check("GET", "/platformModels", c.get("/platformModels"));

        // an anchor image through the presigned flow, then a generation with a Character Reference
        byte[] anchor = new byte[0];
        JsonNode first = check("POST", "/generations", c.post("/generations",
                "{\"prompt\":\"olive skin, short black bob, green eyes\",\"width\":256,\"height\":384,\"num_images\":1,\"seed\":3}"));
        String firstId = first.path("sdGenerationJob").path("generationId").asText();
        check("GET", "/generations/{id}", c.get("/generations/" + firstId)); // most likely still PENDING
        JsonNode g = c.awaitGeneration(firstId);
        anchor = c.download(g.path("generated_images").path(0).path("url").asText());
        String imageId = g.path("generated_images").path(0).path("id").asText();

        JsonNode init = check("POST", "/init-image", c.post("/init-image", "{\"extension\":\"png\"}"));
        String initId = init.path("uploadInitImage").path("id").asText();
        assertEquals(204, c.presignedPost(init.path("uploadInitImage").path("url").asText(),
                init.path("uploadInitImage").path("fields").asText(), anchor, false));
        check("GET", "/init-image/{id}", c.get("/init-image/" + initId));
        check("POST", "/canvas-init-image", c.post("/canvas-init-image", "{\"initExtension\":\"png\",\"maskExtension\":\"png\"}"));

        JsonNode withRef = check("POST", "/generations", c.post("/generations", "{\"prompt\":\"portrait, anime\",\"width\":256,\"height\":384,"
                + "\"num_images\":1,\"controlnets\":[{\"initImageId\":\"" + initId + "\",\"initImageType\":\"UPLOADED\",\"preprocessorId\":133,\"strengthType\":\"High\"}]}"));
        c.awaitGeneration(withRef.path("sdGenerationJob").path("generationId").asText());

        String up = check("POST", "/variations/upscale", c.post("/variations/upscale", "{\"id\":\"" + imageId + "\"}"))
                .path("sdUpscaleJob").path("id").asText();
        String uni = check("POST", "/variations/universal-upscaler", c.post("/variations/universal-upscaler",
                "{\"generatedImageId\":\"" + imageId + "\",\"upscaleMultiplier\":1.5}")).path("universalUpscaler").path("id").asText();
        String nobg = check("POST", "/variations/nobg", c.post("/variations/nobg", "{\"id\":\"" + imageId + "\"}")).path("sdNobgJob").path("id").asText();
        String unzoom = check("POST", "/variations/unzoom", c.post("/variations/unzoom", "{\"id\":\"" + imageId + "\"}")).path("sdUnzoomJob").path("id").asText();
        for (String v : List.of(up, uni, nobg, unzoom)) {
            c.awaitVariation(v);
            check("GET", "/variations/{id}", c.get("/variations/" + v));
        }
        check("GET", "/generations/{id}", c.get("/generations/" + firstId)); // now with variations listed
        check("GET", "/generations/user/{userId}", c.get("/generations/user/" + userId + "?offset=0&limit=5"));
        check("POST", "/pricing-calculator", c.post("/pricing-calculator",
                "{\"service\":\"UNIVERSAL_UPSCALER\",\"serviceParams\":{\"UNIVERSAL_UPSCALER\":{\"megapixel\":2}}}"));
        check("POST", "/prompt/improve", c.post("/prompt/improve", "{\"prompt\":\"a calm portrait\"}"));
        check("POST", "/prompt/random", c.post("/prompt/random", ""));
        check("DELETE", "/init-image/{id}", c.delete("/init-image/" + initId));
        check("DELETE", "/generations/{id}", c.delete("/generations/" + firstId));
        check("GET", "/generations/{id}", c.get("/generations/" + firstId)); // null after delete

        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theValidatorIsNotBlind() {
        // a reply with a wrong type and an invented field must be caught, or the test above proves nothing
        JsonNode bad = dev.sitter.model.Json.tree("{\"sdGenerationJob\":{\"generationId\":5,\"invented\":true}}");
        Set<String> msgs = schemas.validate("POST", "/generations", bad);
        assertEquals(2, msgs.size(), msgs.toString());
    }
}
