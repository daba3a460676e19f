package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.leonardo.LeonardoException.Kind;
import dev.sitter.model.Json;
import dev.sitter.util.Sha256;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Leonardo's two-step upload: ask the API for a presigned target ({@code POST /init-image} or
 * {@code /canvas-init-image}), then POST the form {@code fields} plus the {@code file} part straight
 * to storage, without the key, expecting 204. Ids are cached by SHA-256 (one upload per anchor set),
 * concurrent uploads of the same file share one request, and a rejected or expired target is
 * replaced by a fresh one exactly once.
 */
final class Uploads {
    private final ApiTransport http;
    private final UploadCache cache;
    private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    Uploads(ApiTransport http, UploadCache cache) {
        this.http = http;
        this.cache = cache;
    }

    /** The init-image id for these bytes, uploading them only if this API has not seen them. */
    String initImageId(byte[] data, String label) {
        String sha = Sha256.hex(data);
        var cached = cache.get(sha);
        if (cached.isPresent()) return cached.get();
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = inFlight.putIfAbsent(sha, mine);
        if (running != null) return join(running);
        try {
            String id = uploadInit(data, label);
            cache.put(sha, id);
            mine.complete(id);
            return id;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(sha, mine);
        }
    }

    private String uploadInit(byte[] data, String label) {
        ImageFormat fmt = ImageFormat.of(data, label);
        ObjectNode req = Json.MAPPER.createObjectNode().put("extension", fmt.extension);
        String lastProblem = null;
        for (int target = 0; target < 2; target++) {
            JsonNode r = http.postFree(http.v1("/init-image"), req);
            JsonNode up = r.path("uploadInitImage");
            String id = text(up, "id"), url = text(up, "url");
            if (id == null || url == null) {
                throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo's answer to POST /init-image had no upload id or URL; try again later.");
            }
            lastProblem = put(url, fields(up.get("fields")), fmt, data);
            if (lastProblem == null) return id;
        }
        throw new LeonardoException(Kind.UPLOAD_FAILED, "Uploading " + label + " to Leonardo's storage failed twice ("
                + lastProblem + "); Sitter asked for a fresh upload URL once. Check your network (and clock: "
                + "presigned URLs expire within minutes) and run it again.");
    }

    /** Canvas inpainting ids: {init, mask} uploaded as a pair (Leonardo issues both targets in one call). */
    record CanvasIds(String initId, String maskId) {}

    CanvasIds canvas(byte[] init, byte[] mask, String initLabel, String maskLabel) {
        String key = "canvas:" + Sha256.hex(init) + ":" + Sha256.hex(mask);
        var cached = cache.get(key);
        if (cached.isPresent() && cached.get().contains("|")) {
            String[] p = cached.get().split("\\|", 2);
            return new CanvasIds(p[0], p[1]);
        }
        ImageFormat fi = ImageFormat.of(init, initLabel), fm = ImageFormat.of(mask, maskLabel);
        ObjectNode req = Json.MAPPER.createObjectNode().put("initExtension", fi.extension).put("maskExtension", fm.extension);
        String lastProblem = null;
        for (int target = 0; target < 2; target++) {
            JsonNode up = http.postFree(http.v1("/canvas-init-image"), req).path("uploadCanvasInitImage");
            String initId = text(up, "initImageId"), maskId = text(up, "maskImageId");
            String initUrl = text(up, "initUrl"), maskUrl = text(up, "maskUrl");
            if (initId == null || maskId == null || initUrl == null || maskUrl == null) {
                throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo's answer to POST /canvas-init-image lacked ids or URLs; try again later.");
            }
            lastProblem = put(initUrl, fields(up.get("initFields")), fi, init);
            if (lastProblem == null) lastProblem = put(maskUrl, fields(up.get("maskFields")), fm, mask);
            if (lastProblem == null) {
                cache.put(key, initId + "|" + maskId);
                return new CanvasIds(initId, maskId);
            }
        }
        throw new LeonardoException(Kind.UPLOAD_FAILED, "Uploading the inpainting image and mask (" + initLabel + ", "
                + maskLabel + ") failed twice (" + lastProblem + "); check your network and run it again.");
    }

    /** @return null on success, else a short description of what storage said */
    private String put(String url, Map<String, String> fields, ImageFormat fmt, byte[] data) {
        try {
            ApiTransport.UploadAnswer a = http.presignedUpload(url, fields, "image." + fmt.extension, fmt.mediaType, data);
            return a.ok() ? null : "HTTP " + a.status() + (a.excerpt().isEmpty() ? "" : ": " + a.excerpt());
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + http.key().redact(String.valueOf(e.getMessage()));
        }
    }

    /** {@code fields} is a JSON object encoded as a string (per the spec); accept a plain object too. */
    static Map<String, String> fields(JsonNode raw) {
        JsonNode obj = raw;
        if (raw != null && raw.isTextual()) {
            try {
                obj = Json.MAPPER.readTree(raw.asText());
            } catch (IOException e) {
                throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo's upload fields were not readable JSON; try again later.", e);
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (obj != null && obj.isObject()) obj.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
        return m;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String join(CompletableFuture<String> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new LeonardoException(Kind.UNKNOWN, "Upload failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while waiting for an upload.", e);
        }
    }
}
