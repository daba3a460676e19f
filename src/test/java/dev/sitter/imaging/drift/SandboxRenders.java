package dev.sitter.imaging.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.imaging.Images;
import dev.sitter.model.Json;
import dev.sitter.sandbox.Fault;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders faithful and drifted portraits through the offline sandbox over real loopback HTTP, as
 * Leonardo's API is called (POST /generations, poll, download), and scores them against anchors.
 * Drift is the sandbox's own "identity drift" fault, scripted for exactly the drifted requests.
 * Shared by the drift E2E test and the drift-separation benchmark.
 */
final class SandboxRenders implements AutoCloseable {
    static final List<String> CHARACTERS = List.of(
            "olive skin, short black bob with a silver streak, green eyes, scar on left cheek, light freckles",
            "pale skin, long red hair, blue eyes, glasses",
            "dark skin, shoulder-length black curls, brown eyes",
            "tan skin, short blonde hair, hazel eyes, beard",
            "fair skin, long platinum hair, grey eyes, freckles",
            "golden skin, long dark brown hair, amber eyes",
            "brown skin, short grey hair, dark brown eyes, glasses",
            "peach skin, auburn bob, ice blue eyes, scar on right cheek");
    static final List<String> STYLES = List.of("photoreal portrait", "oil painting", "anime", "film noir");
    private static final MediaType JSON = MediaType.get("application/json");

    private final Sandbox sandbox;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final int width;
    private final int height;

    SandboxRenders(int width, int height) {
        this.sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(1)).startingCredits(10_000_000)
                .createsPerMinute(100_000).requestsPerMinute(1_000_000).build());
        this.width = width;
        this.height = height;
    }

    /** One render: a generation request for {@code prompt} at {@code seed}, drifted when asked. */
    BufferedImage render(String prompt, long seed, boolean drift) throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("prompt", prompt).put("width", width).put("height", height).put("num_images", 1).put("seed", seed);
        if (drift) {
            sandbox.faults().script("POST", "/generations", Fault.DRIFT);
        }
        JsonNode created = call(new Request.Builder().url(sandbox.baseUrl() + "/generations")
                .post(RequestBody.create(Json.compact(body), JSON)));
        String id = created.path("sdGenerationJob").path("generationId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode g = call(new Request.Builder().url(sandbox.baseUrl() + "/generations/" + id).get()).path("generations_by_pk");
            String status = g.path("status").asText();
            if (status.equals("COMPLETE")) {
                String url = g.path("generated_images").path(0).path("url").asText();
                try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
                    return Images.decode(r.body().bytes(), url);
                }
            }
            if (status.equals("FAILED") || System.nanoTime() > deadline) {
                throw new IOException("generation " + id + " ended " + status);
            }
            Thread.sleep(2); // polling a local server; the render itself takes far longer
        }
    }

    private JsonNode call(Request.Builder request) throws IOException {
        try (Response r = http.newCall(request.header("Authorization", "Bearer offline").build()).execute()) {
            String text = r.body().string();
            if (r.code() != 200) {
                throw new IOException("sandbox answered " + r.code() + ": " + text);
            }
            return Json.tree(text);
        }
    }

    /** Scores per style: faithful and drifted drift scores for every character. */
    record Scores(Map<String, List<Double>> faithful, Map<String, List<Double>> drifted,
                  List<DriftComponents> faithfulComponents, List<DriftComponents> driftedComponents, long featureNanos, int images) {
        List<Double> all(Map<String, List<Double>> byStyle) {
            List<Double> out = new ArrayList<>();
            byStyle.values().forEach(out::addAll);
            return out;
        }
    }

    /**
     * For each character and style: anchors are seeds 1..anchors (the first is the master); then
     * {@code perClass} faithful and {@code perClass} drifted renders at fresh seeds.
     */
    Scores run(List<String> characters, List<String> styles, int anchors, int perClass) throws IOException, InterruptedException {
        return run(characters, styles, anchors, perClass, 1000);
    }

    Scores run(List<String> characters, List<String> styles, int anchors, int perClass, long seedBase)
            throws IOException, InterruptedException {
        return run(characters, styles, null, anchors, perClass, seedBase);
    }

    /**
     * The anchors' style as real character sheets have it: neutral photoreal renders on a plain
     * studio backdrop (as tools/SandboxAnchors makes the examples' anchors), whatever style the
     * candidates are rendered in.
     */
    static final String NEUTRAL_ANCHOR_STYLE = "photoreal, plain studio backdrop, head and shoulders";

    /**
     * Like {@link #run(List, List, int, int, long)}, but when {@code anchorStyle} is not null the
     * anchors are rendered in that style instead of the candidates' style (cross-style scoring).
     */
    Scores run(List<String> characters, List<String> styles, String anchorStyle, int anchors, int perClass, long seedBase)
            throws IOException, InterruptedException {
        Map<String, List<Double>> faithful = new TreeMap<>();
        Map<String, List<Double>> drifted = new TreeMap<>();
        List<DriftComponents> faithfulComponents = new ArrayList<>();
        List<DriftComponents> driftedComponents = new ArrayList<>();
        long featureNanos = 0;
        int images = 0;
        for (String style : styles) {
            for (String character : characters) {
                String prompt = character + ", " + style;
                List<ImageFeatures> refs = new ArrayList<>();
                String anchorPrompt = anchorStyle == null ? prompt : character + ", " + anchorStyle;
                for (int a = 1; a <= anchors; a++) {
                    BufferedImage img = render(anchorPrompt, a, false);
                    long t0 = System.nanoTime();
                    refs.add(FeatureExtractor.of(img));
                    featureNanos += System.nanoTime() - t0;
                    images++;
                }
                DriftScorer scorer = new DriftScorer(refs, DriftWeights.DEFAULT);
                for (int i = 0; i < perClass; i++) {
                    long seed = seedBase + i * 7919L;
                    for (boolean drift : new boolean[]{false, true}) {
                        BufferedImage img = render(prompt, drift ? seed + 1 : seed, drift);
                        long t0 = System.nanoTime();
                        DriftScore s = scorer.score(img);
                        featureNanos += System.nanoTime() - t0;
                        images++;
                        (drift ? drifted : faithful).computeIfAbsent(style, k -> new ArrayList<>()).add(s.score());
                        (drift ? driftedComponents : faithfulComponents).add(s.components());
                    }
                }
            }
        }
        return new Scores(faithful, drifted, faithfulComponents, driftedComponents, featureNanos, images);
    }

    @Override
    public void close() {
        sandbox.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
