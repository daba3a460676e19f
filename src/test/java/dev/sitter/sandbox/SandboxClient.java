package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** A deliberately plain HTTP helper for sandbox tests (the real client lives in dev.sitter.leonardo). */
final class SandboxClient {
    static final MediaType JSON = MediaType.get("application/json");
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).retryOnConnectionFailure(false).build();
    final Sandbox sandbox;

    SandboxClient(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    record Result(int code, JsonNode json, String text, Response raw) {}

    Result get(String path) throws IOException {
        return call(new Request.Builder().url(sandbox.baseUrl() + path).header("Authorization", "Bearer test-key").get().build());
    }

    Result delete(String path) throws IOException {
        return call(new Request.Builder().url(sandbox.baseUrl() + path).header("Authorization", "Bearer test-key").delete().build());
    }

    Result post(String path, String json) throws IOException {
        return call(new Request.Builder().url(sandbox.baseUrl() + path).header("Authorization", "Bearer test-key")
                .post(RequestBody.create(json, JSON)).build());
    }

    Result postV2(String json) throws IOException {
        return call(new Request.Builder().url(sandbox.v2BaseUrl() + "/generations").header("Authorization", "Bearer test-key")
                .post(RequestBody.create(json, JSON)).build());
    }

    Result call(Request req) throws IOException {
        try (Response r = http.newCall(req).execute()) {
            String text = r.body().string();
            JsonNode json = null;
            if (text.startsWith("{") || text.startsWith("[")) json = Json.tree(text);
            return new Result(r.code(), json, text, r);
        }
    }

    byte[] download(String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (r.code() != 200) throw new IOException("download " + url + " -> " + r.code());
            return r.body().bytes();
        }
    }

    /** Polls GET /generations/{id} until it is no longer PENDING (generous deadline, no fixed sleeps in assertions). */
    JsonNode awaitGeneration(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode g = get("/generations/" + id).json().path("generations_by_pk");
            if (!g.path("status").asText().equals("PENDING")) return g;
            Thread.sleep(25);
        }
        throw new AssertionError("generation " + id + " still PENDING after 60 s");
    }

    JsonNode awaitVariation(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v = get("/variations/" + id).json().path("generated_image_variation_generic").path(0);
            if (!v.path("status").asText().equals("PENDING")) return v;
            Thread.sleep(25);
        }
        throw new AssertionError("variation " + id + " still PENDING after 60 s");
    }

    /** POST /init-image then the presigned multipart upload; returns the init image id. */
    String upload(byte[] file, String ext) throws IOException {
        JsonNode u = post("/init-image", "{\"extension\":\"" + ext + "\"}").json().path("uploadInitImage");
        int code = presignedPost(u.path("url").asText(), u.path("fields").asText(), file, false);
        if (code != 204) throw new IOException("upload answered " + code);
        return u.path("id").asText();
    }

    int presignedPost(String url, String fieldsJson, byte[] file, boolean withAuth) throws IOException {
        MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Iterator<Map.Entry<String, JsonNode>> it = Json.tree(fieldsJson).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            mb.addFormDataPart(e.getKey(), e.getValue().asText());
        }
        mb.addFormDataPart("file", "image.png", RequestBody.create(file, MediaType.get("image/png")));
        Request.Builder rb = new Request.Builder().url(url).post(mb.build());
        if (withAuth) rb.header("Authorization", "Bearer test-key");
        try (Response r = http.newCall(rb.build()).execute()) {
            return r.code();
        }
    }
}
