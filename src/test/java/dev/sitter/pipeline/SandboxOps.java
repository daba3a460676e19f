package dev.sitter.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.sandbox.Sandbox;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PortraitOps} over the sandbox's Leonardo API with plain HTTP (generate, image-to-image
 * with init_generation_image_id, upscale variations): the runner's contract exercised over real
 * loopback sockets. Produced ids are Leonardo image ids, as the API returns them. It can "die"
 * after a number of calls, like a killed process.
 */
final class SandboxOps implements PortraitOps {
    private static final MediaType JSON = MediaType.get("application/json");
    private final Sandbox sandbox;
    private final String prompt;
    private final OkHttpClient http;
    private final int dieAfter;
    private int calls;

    SandboxOps(Sandbox sandbox, OkHttpClient http, String prompt, int dieAfter) {
        this.sandbox = sandbox;
        this.http = http;
        this.prompt = prompt;
        this.dieAfter = dieAfter;
    }

    private void tick() {
        if (++calls > dieAfter) {
            throw new IllegalStateException("killed");
        }
    }

    @Override
    public List<Produced> generate(String opKey, int count, int width, int height, Integer steps, long seed) {
        tick();
        ObjectNode body = Json.MAPPER.createObjectNode().put("prompt", prompt).put("width", width).put("height", height)
                .put("num_images", count).put("seed", seed);
        if (steps != null) {
            body.put("num_inference_steps", steps);
        }
        return images(post("/generations", body).path("sdGenerationJob").path("generationId").asText());
    }

    static final long REFINE_SEED = 4242;

    @Override
    public Produced refine(String opKey, Produced source, double strength) {
        tick();
        ObjectNode body = Json.MAPPER.createObjectNode().put("prompt", prompt).put("width", 256).put("height", 384)
                .put("num_images", 1).put("init_generation_image_id", source.id()).put("init_strength", strength)
                // As the Studio does (a refine keeps its source's recipe, seed included), never a server-drawn seed:
                // that would make the refined pictures, and their drift, change from run to run.
                .put("seed", REFINE_SEED);
        return images(post("/generations", body).path("sdGenerationJob").path("generationId").asText()).get(0);
    }

    @Override
    public Produced upscale(String opKey, Produced source, String mode) {
        tick();
        String id = post("/variations/upscale", Json.MAPPER.createObjectNode().put("id", source.id())).path("sdUpscaleJob").path("id").asText();
        JsonNode v = poll("/variations/" + id, "generated_image_variation_generic");
        return new Produced(id, download(v.path(0).path("url").asText()));
    }

    private List<Produced> images(String generationId) {
        JsonNode g = poll("/generations/" + generationId, "generations_by_pk");
        List<Produced> out = new ArrayList<>();
        for (JsonNode img : g.path("generated_images")) {
            out.add(new Produced(img.path("id").asText(), download(img.path("url").asText())));
        }
        return out;
    }

    private JsonNode poll(String path, String field) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode n = call(new Request.Builder().url(sandbox.baseUrl() + path).get()).path(field);
            JsonNode status = n.isArray() ? n.path(0).path("status") : n.path("status");
            if ("COMPLETE".equals(status.asText())) {
                return n;
            }
            if ("FAILED".equals(status.asText())) {
                throw new IllegalStateException(path + " failed");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(path + " did not complete within 60 s");
    }

    private JsonNode post(String path, ObjectNode body) {
        return call(new Request.Builder().url(sandbox.baseUrl() + path).post(RequestBody.create(Json.compact(body), JSON)));
    }

    private JsonNode call(Request.Builder request) {
        try (Response r = http.newCall(request.header("Authorization", "Bearer offline").build()).execute()) {
            String text = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException("sandbox answered " + r.code() + ": " + text);
            }
            return Json.tree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] download(String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
