package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every request body the client sends, checked against the request schema of Leonardo's published
 * OpenAPI file, made strict (no unknown field names). Drives the real client over loopback and
 * validates what actually went over the wire.
 */
class ContractTest {
    @TempDir Path dir;
    FakeLeonardo fake;
    LeonardoClient client;

    @BeforeEach void start() throws Exception {
        fake = new FakeLeonardo();
        client = LeonardoClient.create(fake.config().maxInFlight(4).build());
    }

    @AfterEach void stop() throws Exception {
        client.close();
        fake.close();
    }

    @Test void everyRequestBodyTheClientSendsMatchesTheSpec() throws Exception {
        Path anchor = dir.resolve("a.png"), style = dir.resolve("s.png"), src = dir.resolve("src.png");
        Files.write(anchor, FakeLeonardo.image("anchor"));
        Files.write(style, FakeLeonardo.image("style"));
        Files.write(src, FakeLeonardo.image("src"));
        ImageSource files = ImageSource.relativeTo(dir);

        PromptSpec full = PromptSpec.builder().prompt("Mara Voss, olive skin, film noir").negativePrompt("extra fingers, watermark")
                .modelId("aa77f04e-3eec-4034-9c07-d0f619684628").sdVersion("SDXL_1_0").presetStyle("CINEMATIC")
                .size(832, 1216).steps(30).guidance(7.0).seed(4242L).numImages(2).alchemy(true)
                .references(List.of(
                        new ReferenceImage(ReferenceRole.CHARACTER, "a.png", Sha256.file(anchor), null, 133, "Mid", null, "frontal"),
                        new ReferenceImage(ReferenceRole.STYLE, "s.png", Sha256.file(style), null, 67, null, 1.1, null),
                        new ReferenceImage(ReferenceRole.CONTENT, null, null, "9a7b3c1d-0000-4000-8000-000000000001", 100, "Low", null, null)))
                .init(new InitImage("src.png", Sha256.file(src), null, 0.3))
                .extra("styleUUID", "111dc692-d470-4eec-b791-3475abac4c46")
                .extra("contextImages", List.of(Map.of("type", "GENERATED", "id", "9a7b3c1d-0000-4000-8000-000000000002")))
                .extra("enhancePrompt", false)
                .build();
        GenerationResult first = client.generate(full, files);
        client.generate(PromptSpec.builder().prompt("minimal").build(), files);
        client.refine(PromptSpec.builder().prompt("refined").build(), first.images().get(0).id(), 0.35, files);
        client.inpaint(PromptSpec.builder().prompt("fix scar").modelId("aa77f04e-3eec-4034-9c07-d0f619684628").numImages(1).build(),
                FakeLeonardo.image("i"), FakeLeonardo.image("m"), 0.2, files);
        client.generate(PromptSpec.builder().surface(Surface.V2).modelId("gemini-image-2").prompt("v2 portrait").size(1024, 1024)
                .numImages(1).seed(1L).references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "a.png", Sha256.file(anchor),
                        null, null, "High", null, null))).build(), files);
        client.upscale(first.images().get(0).id());
        client.universalUpscale(new UniversalUpscale(UniversalUpscale.Source.GENERATED, first.images().get(0).id(), 1.5, 6,
                "CINEMATIC", null, null, null, "sharper"));
        client.universalUpscale(UniversalUpscale.ultra(first.images().get(1).id(), "ARTISTIC", 2.0, 3, 7));
        client.removeBackground(first.images().get(0).id(), false);
        client.estimate(full);
        client.estimate("UNIVERSAL_UPSCALER", Map.of("megapixel", 4));
        client.improvePrompt("mara in rain", "make it moody");

        int checked = 0;
        for (RecordedRequest r : fake.requests) {
            String path = r.getUrl().encodedPath();
            if (!r.getMethod().equals("POST") || !path.startsWith("/api/rest/")) continue;
            JsonNode body = FakeLeonardo.body(r);
            JsonSchema schema = path.startsWith("/api/rest/v2/") ? SpecSchemas.v2Request()
                    : SpecSchemas.request("POST", path.substring(FakeLeonardo.PREFIX.length()));
            Set<String> problems = SpecSchemas.problems(schema, body);
            assertTrue(problems.isEmpty(), r.getRequestLine() + " " + body + " -> " + problems);
            checked++;
        }
        // 5 creates (incl. inpaint and v2), 4 variations, 3 init-images (the v2 anchor is cached), 1 canvas, 2 estimates, 1 improve
        assertEquals(16, checked);
        for (String p : List.of("/generations", "/init-image", "/canvas-init-image", "/variations/upscale",
                "/variations/universal-upscaler", "/variations/nobg", "/pricing-calculator", "/prompt/improve")) {
            assertFalse(fake.seen("POST " + FakeLeonardo.PREFIX + p).isEmpty(), "exercised " + p);
        }
    }

    @Test void theStrictSchemaCatchesAMisspeltWireName() {
        JsonNode bad = dev.sitter.model.Json.tree("{\"prompt\":\"x\",\"negativePrompt\":\"y\",\"public\":false}");
        Set<String> problems = SpecSchemas.problems(SpecSchemas.request("POST", "/generations"), bad);
        assertFalse(problems.isEmpty(), "negativePrompt is not a v1 wire name (negative_prompt is)");
        JsonNode badType = dev.sitter.model.Json.tree("{\"prompt\":\"x\",\"alchemy\":\"true\"}");
        assertFalse(SpecSchemas.problems(SpecSchemas.request("POST", "/generations"), badType).isEmpty(), "booleans as strings fail");
    }

    @Test void theFakesAnswersMatchTheResponseSchemas() {
        GenerationResult r = client.generate(PromptSpec.builder().prompt("p").numImages(1).build(), ImageSource.relativeTo(dir));
        client.me();
        client.models();
        String[][] routes = {
                {"GET", "/generations/{id}", "GET " + FakeLeonardo.PREFIX + "/generations/" + r.generationId()},
                {"GET", "/me", "GET " + FakeLeonardo.PREFIX + "/me"},
                {"GET", "/platformModels", "GET " + FakeLeonardo.PREFIX + "/platformModels"},
        };
        for (String[] route : routes) {
            JsonSchema schema = SpecSchemas.response(route[0], route[1]);
            assertFalse(fake.seen(route[2]).isEmpty(), route[2]);
            // re-ask the fake for a fresh answer body to validate
            try (okhttp3.Response resp = new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                    .url(fake.server.url(route[2].substring(route[2].indexOf(' ') + 1)))
                    .header("Authorization", "Bearer test-key-0123456789").build()).execute()) {
                JsonNode body = dev.sitter.model.Json.tree(resp.body().string());
                Set<String> problems = SpecSchemas.problems(schema, body);
                assertTrue(problems.isEmpty(), route[2] + " -> " + problems);
            } catch (java.io.IOException e) {
                fail(e);
            }
        }
    }
}
