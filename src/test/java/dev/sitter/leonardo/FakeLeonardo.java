package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scriptable Leonardo on MockWebServer (real loopback HTTP): enough of the API for the client's
 * tests, plus per-route fault scripts. Jobs complete after {@code pollsToComplete} status reads,
 * or after {@code latencyMillis} of wall time when that is set (benchmark mode).
 */
final class FakeLeonardo implements AutoCloseable {
    static final String PREFIX = "/api/rest/v1";
    static final String USER_ID = "0b7c2f4e-1111-4aaa-8bbb-123456789abc";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, Job> jobs = new ConcurrentHashMap<>();
    final Map<String, Queue<Function<RecordedRequest, MockResponse>>> faults = new ConcurrentHashMap<>();
    /** Standing faults for every path starting with the key's path ("METHOD /prefix"); null answers fall through. */
    final Map<String, Function<RecordedRequest, MockResponse>> prefixFaults = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    volatile int pollsToComplete = 1;
    volatile long latencyMillis = 0;
    volatile int apiConcurrencySlots = 10;
    volatile String finalStatus = "COMPLETE";
    volatile boolean seedAsString = false;

    static final class Job {
        final String id;
        final JsonNode body;
        final Instant createdAt;
        final long createdNanos = System.nanoTime();
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean done;
        final String kind;

        Job(String id, JsonNode body, String kind) {
            this.id = id;
            this.body = body;
            this.kind = kind;
            this.createdAt = Instant.now();
        }
    }

    FakeLeonardo() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override public MockResponse dispatch(RecordedRequest r) {
                requests.add(r);
                Queue<Function<RecordedRequest, MockResponse>> q = faults.get(r.getMethod() + " " + r.getUrl().encodedPath());
                if (q != null) {
                    Function<RecordedRequest, MockResponse> f = q.poll();
                    if (f != null) {
                        MockResponse m = f.apply(r);
                        if (m != null) return m;
                    }
                }
                for (Map.Entry<String, Function<RecordedRequest, MockResponse>> e : prefixFaults.entrySet()) {
                    String[] mp = e.getKey().split(" ", 2);
                    if (r.getMethod().equals(mp[0]) && r.getUrl().encodedPath().startsWith(mp[1])) {
                        MockResponse m = e.getValue().apply(r);
                        if (m != null) return m;
                    }
                }
                try {
                    return route(r);
                } catch (RuntimeException e) {
                    return json(500, "{\"error\":\"fake crashed: " + e + "\"}");
                }
            }
        });
        server.start();
    }

    String base() { return server.url(PREFIX).toString(); }

    ClientConfig.Builder config() {
        return ClientConfig.builder(base(), ApiKey.of("test-key-0123456789"))
                .poll(new PollPolicy(java.time.Duration.ZERO, new Backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(5)), java.time.Duration.ofSeconds(20)))
                .retry(new Backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(10)))
                .reconcileWait(java.time.Duration.ofMillis(200))
                .readTimeout(java.time.Duration.ofSeconds(5))
                .callTimeout(java.time.Duration.ofSeconds(10));
    }

    /** Scripts the next answers of {@code "METHOD /path"}; a function returning null falls through to normal behaviour. */
    @SafeVarargs
    final void fault(String route, Function<RecordedRequest, MockResponse>... answers) {
        faults.computeIfAbsent(route, k -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** Requests seen for {@code "METHOD /path"} (path without query). */
    List<RecordedRequest> seen(String route) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : requests) if ((r.getMethod() + " " + r.getUrl().encodedPath()).equals(route)) out.add(r);
        return out;
    }

    int creates() { return seen("POST " + PREFIX + "/generations").size() + seen("POST /api/rest/v2/generations").size(); }

    static JsonNode body(RecordedRequest r) { return Json.tree(r.getBody().string(StandardCharsets.UTF_8)); }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** Creates a job as if a create had arrived (used by faults that lose the answer after the server acted). */
    Job createJob(RecordedRequest r, String kind) {
        Job j = new Job(UUID.randomUUID().toString(), body(r), kind);
        jobs.put(j.id, j);
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        return j;
    }

    private MockResponse route(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        String m = r.getMethod();
        String auth = r.getHeaders().get("Authorization");
        boolean api = path.startsWith("/api/rest/");
        if (api && !"Bearer test-key-0123456789".equals(auth)) {
            return json(401, "{\"error\":\"Authentication hook unauthorized this request\",\"path\":\"$\",\"code\":\"access-denied\"}");
        }
        if (!api && auth != null) return json(403, "<Error><Code>AccessDenied</Code>Authorization header not allowed</Error>");
        if (m.equals("POST") && path.equals(PREFIX + "/generations") || m.equals("POST") && path.equals("/api/rest/v2/generations")) {
            Job j = createJob(r, "generation");
            if (path.startsWith("/api/rest/v2")) return json(200, "{\"generate\":{\"generationId\":\"" + j.id + "\"}}");
            return json(200, "{\"sdGenerationJob\":{\"generationId\":\"" + j.id + "\",\"apiCreditCost\":null,\"cost\":{\"amount\":\"0.0147\",\"unit\":\"DOLLARS\"}},\"futureField\":{\"x\":1}}");
        }
        if (m.equals("GET") && path.startsWith(PREFIX + "/generations/user/")) {
            ArrayNode gens = Json.MAPPER.createArrayNode();
            jobs.values().stream().filter(j -> j.kind.equals("generation"))
                    .sorted((a, b) -> b.createdAt.compareTo(a.createdAt)).forEach(j -> gens.add(view(j, false)));
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("generations", gens);
            return json(200, root.toString());
        }
        if (m.equals("GET") && path.startsWith(PREFIX + "/generations/")) {
            Job j = jobs.get(path.substring(path.lastIndexOf('/') + 1));
            ObjectNode root = Json.MAPPER.createObjectNode();
            if (j == null) root.putNull("generations_by_pk");
            else root.set("generations_by_pk", view(j, true));
            return json(200, root.toString());
        }
        if (m.equals("DELETE") && path.startsWith(PREFIX + "/generations/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            jobs.remove(id);
            return json(200, "{\"delete_generations_by_pk\":{\"id\":\"" + id + "\"}}");
        }
        if (m.equals("GET") && path.startsWith("/cdn/")) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body(new okio.Buffer().write(image(path))).build();
        }
        if (m.equals("POST") && path.equals(PREFIX + "/init-image")) {
            String id = UUID.randomUUID().toString();
            String fields = Json.compact(Map.of("key", "uploads/" + id + ".png", "policy", "p0l1cy", "x-amz-signature", "s1g"));
            ObjectNode up = Json.MAPPER.createObjectNode();
            up.putObject("uploadInitImage").put("id", id).put("url", server.url("/s3/upload").toString()).put("key", "k").put("fields", fields);
            return json(200, up.toString());
        }
        if (m.equals("POST") && path.equals(PREFIX + "/canvas-init-image")) {
            String fields = Json.compact(Map.of("key", "canvas/x", "policy", "p"));
            ObjectNode up = Json.MAPPER.createObjectNode();
            up.putObject("uploadCanvasInitImage").put("initImageId", UUID.randomUUID().toString()).put("initFields", fields)
                    .put("initKey", "k1").put("initUrl", server.url("/s3/upload").toString())
                    .put("maskImageId", UUID.randomUUID().toString()).put("maskFields", fields).put("maskKey", "k2")
                    .put("maskUrl", server.url("/s3/upload").toString());
            return json(200, up.toString());
        }
        if (m.equals("POST") && path.equals("/s3/upload")) {
            String ct = r.getHeaders().get("Content-Type");
            String b = r.getBody().string(StandardCharsets.UTF_8);
            if (ct == null || !ct.startsWith("multipart/form-data") || !b.contains("name=\"file\"") || !b.contains("name=\"policy\"")) {
                return json(400, "<Error>bad form</Error>");
            }
            return new MockResponse.Builder().code(204).build();
        }
        if (m.equals("POST") && path.startsWith(PREFIX + "/variations/")) {
            Job j = createJob(r, path.substring(path.lastIndexOf('/') + 1));
            String wrapper = switch (j.kind) {
                case "upscale" -> "sdUpscalerjob"; // the spec's own (mis-cased) example key
                case "universal-upscaler" -> "universalUpscaler";
                default -> "sdNobgJob";
            };
            return json(200, "{\"" + wrapper + "\":{\"id\":\"" + j.id + "\",\"apiCreditCost\":null,\"cost\":{\"amount\":\"5\",\"unit\":\"CREDITS\"}}}");
        }
        if (m.equals("GET") && path.startsWith(PREFIX + "/variations/")) {
            Job j = jobs.get(path.substring(path.lastIndexOf('/') + 1));
            ObjectNode root = Json.MAPPER.createObjectNode();
            ArrayNode arr = root.putArray("generated_image_variation_generic");
            if (j != null) {
                String status = status(j, true);
                ObjectNode v = arr.addObject().put("id", j.id).put("status", status)
                        .put("transformType", j.kind.equals("nobg") ? "NOBG" : "UPSCALE").put("createdAt", j.createdAt.toString());
                if (status.equals("COMPLETE")) v.put("url", server.url("/cdn/" + j.id + "/var.png").toString());
                else v.putNull("url");
            }
            return json(200, root.toString());
        }
        if (m.equals("GET") && path.equals(PREFIX + "/me")) {
            return json(200, "{\"user_details\":[{\"user\":{\"id\":\"" + USER_ID + "\",\"username\":\"mara\"},\"subscriptionTokens\":150,"
                    + "\"subscriptionGptTokens\":0,\"subscriptionModelTokens\":0,\"apiConcurrencySlots\":" + apiConcurrencySlots
                    + ",\"apiPaidTokens\":3500,\"apiSubscriptionTokens\":1000,\"paidTokens\":null,\"newThing\":true}]}");
        }
        if (m.equals("GET") && path.equals(PREFIX + "/platformModels")) {
            return json(200, "{\"custom_models\":[{\"id\":\"aa77f04e-3eec-4034-9c07-d0f619684628\",\"name\":\"Leonardo Kino XL\",\"description\":\"\",\"nsfw\":false,\"featured\":true},"
                    + "{\"id\":\"de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3\",\"name\":\"Leonardo Phoenix 1.0\",\"description\":\"\",\"nsfw\":false,\"featured\":true}]}");
        }
        if (m.equals("POST") && path.equals(PREFIX + "/pricing-calculator")) {
            return json(200, "{\"calculateProductionApiServiceCost\":{\"cost\":24}}");
        }
        if (m.equals("POST") && path.equals(PREFIX + "/prompt/improve")) {
            return json(200, "{\"promptGeneration\":{\"prompt\":\"a better prompt\",\"apiCreditCost\":4,\"cost\":{\"amount\":\"4\",\"unit\":\"CREDITS\"}}}");
        }
        return json(404, "{\"error\":\"no route " + m + " " + path + "\",\"path\":\"$\",\"code\":\"not-found\"}");
    }

    private String status(Job j, boolean countPoll) {
        if (j.done) return finalStatus;
        boolean finished;
        if (latencyMillis > 0) finished = System.nanoTime() - j.createdNanos >= latencyMillis * 1_000_000L;
        else finished = (countPoll ? j.polls.incrementAndGet() : j.polls.get()) >= pollsToComplete;
        if (finished) {
            synchronized (j) {
                if (!j.done) {
                    j.done = true;
                    running.decrementAndGet();
                }
            }
            return finalStatus;
        }
        return "PENDING";
    }

    private ObjectNode view(Job j, boolean countPoll) {
        JsonNode b = j.body.has("parameters") ? j.body.get("parameters") : j.body;
        String status = countPoll ? status(j, true) : (j.done ? finalStatus : "PENDING");
        ObjectNode g = Json.MAPPER.createObjectNode();
        g.put("id", j.id).put("status", status).put("createdAt", j.createdAt.toString().replace("Z", ""))
                .put("prompt", b.path("prompt").asText()).put("public", false).put("someNewColumn", "ignored");
        if (b.has("negative_prompt")) g.put("negativePrompt", b.get("negative_prompt").asText()); else g.putNull("negativePrompt");
        g.put("modelId", b.path("modelId").asText("b24e16ff-06e3-43eb-8d33-4416c2d75876"));
        g.put("imageWidth", b.path("width").asInt(1024)).put("imageHeight", b.path("height").asInt(768));
        long seed = b.has("seed") ? b.get("seed").asLong() : 987654321L;
        if (seedAsString) g.put("seed", String.valueOf(seed)); else g.put("seed", seed);
        ArrayNode imgs = g.putArray("generated_images");
        if (status.equals("COMPLETE")) {
            int n = b.path("num_images").asInt(b.path("quantity").asInt(1));
            for (int i = 0; i < n; i++) {
                imgs.addObject().put("id", j.id.substring(0, 24) + String.format("%012d", i)).put("url", server.url("/cdn/" + j.id + "/" + i + ".png").toString())
                        .put("nsfw", false).put("likeCount", 0).putArray("generated_image_variation_generics");
            }
        }
        return g;
    }

    static byte[] image(String path) {
        byte[] tag = path.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[PNG.length + tag.length];
        System.arraycopy(PNG, 0, out, 0, PNG.length);
        System.arraycopy(tag, 0, out, PNG.length, tag.length);
        return out;
    }

    @Override public void close() throws IOException { server.close(); }
}
