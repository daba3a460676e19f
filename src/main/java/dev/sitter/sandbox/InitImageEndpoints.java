package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.sandbox.render.SplitMix64;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.sitter.sandbox.Fields.Type.STRING;

/**
 * Init images and their presigned uploads. {@code POST /init-image} answers like Leonardo: an id,
 * a key, an upload URL and the form {@code fields} as a JSON string; the sandbox itself hosts that
 * URL and accepts the multipart POST the way S3 does (fields + file, no Authorization, 204).
 */
final class InitImageEndpoints {
    static final String BUCKET = "sitter-sandbox-uploads";
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Services s;
    private final long secret;

    InitImageEndpoints(Services s) {
        this.s = s;
        this.secret = SplitMix64.derive(s.idSeed, "upload-secret");
    }

    void register(Router v1, Router root) {
        v1.add("POST", "/init-image", this::create);
        v1.add("GET", "/init-image/{id}", this::get);
        v1.add("DELETE", "/init-image/{id}", this::delete);
        v1.add("POST", "/canvas-init-image", this::createCanvas);
        root.add("POST", "/s3/" + BUCKET, this::upload);
    }

    String uploadUrl() {
        return s.origin.get() + "/s3/" + BUCKET;
    }

    private Reply create(Call call) {
        ObjectNode body = call.json();
        new Fields(body, "").onlyKnown(Map.of("extension", STRING));
        String ext = extension(body.path("extension").asText(null));
        Records.InitImage init = newInitImage(ext);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode u = root.putObject("uploadInitImage");
        u.put("id", init.id);
        u.put("fields", fieldsJson(init));
        u.put("key", init.key);
        u.put("url", uploadUrl());
        return Reply.json(root);
    }

    private Reply createCanvas(Call call) {
        ObjectNode body = call.json();
        new Fields(body, "").onlyKnown(Map.of("initExtension", STRING, "maskExtension", STRING));
        String ie = extension(body.path("initExtension").asText(null));
        String me = extension(body.path("maskExtension").asText(null));
        Records.InitImage init = newInitImage(ie);
        Records.InitImage mask = newInitImage(me);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode u = root.putObject("uploadCanvasInitImage");
        u.put("initImageId", init.id);
        u.put("initFields", fieldsJson(init));
        u.put("initKey", init.key);
        u.put("initUrl", uploadUrl());
        u.put("maskImageId", mask.id);
        u.put("maskFields", fieldsJson(mask));
        u.put("maskKey", mask.key);
        u.put("maskUrl", uploadUrl());
        return Reply.json(root);
    }

    private static String extension(String ext) {
        if (ext == null || !EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT))) {
            throw new ApiError(400, "unexpected", "invalid file extension");
        }
        return ext.toLowerCase(Locale.ROOT);
    }

    private Records.InitImage newInitImage(String ext) {
        String id = s.store.ids.next();
        String key = "init/" + s.store.userId + "/" + id + "." + ext;
        long expires = s.store.millis() + s.config.uploadTtl().toMillis();
        Records.InitImage init = new Records.InitImage(id, s.store.now(), ext, key, expires, sign(key, expires));
        s.store.addInitImage(init);
        return init;
    }

    private String sign(String key, long expires) {
        long h = SplitMix64.derive(secret, key + "|" + expires);
        return String.format("%016x%016x", h, SplitMix64.mix(h));
    }

    /** The S3-style form fields, serialised to a JSON string exactly as Leonardo returns them. */
    private String fieldsJson(Records.InitImage init) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Content-Type", init.extension.equals("jpg") ? "image/jpeg" : "image/" + init.extension);
        f.put("bucket", BUCKET);
        f.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        f.put("X-Amz-Credential", "SITTERSANDBOX/" + AMZ_DATE.format(Instant.ofEpochMilli(s.store.millis())).substring(0, 8) + "/local/s3/aws4_request");
        f.put("X-Amz-Date", AMZ_DATE.format(Instant.ofEpochMilli(s.store.millis())));
        f.put("key", init.key);
        String policy = "{\"expiration\":\"" + Instant.ofEpochMilli(init.expiresAtMillis) + "\",\"conditions\":[{\"bucket\":\""
                + BUCKET + "\"},{\"key\":\"" + init.key + "\"}]}";
        f.put("Policy", Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8)));
        f.put("X-Amz-Signature", init.signature);
        return Json.compact(f);
    }

    /** The presigned POST target: checks the form like S3 would, stores the file, answers 204. */
    private Reply upload(Call call) {
        if (call.header("Authorization") != null) {
            return s3Error(403, "AccessDenied", "Only one auth mechanism allowed; only the X-Amz-Algorithm form field is "
                    + "supported. Do not send an Authorization header to a presigned upload URL.");
        }
        Map<String, Multipart.Part> parts;
        try {
            parts = Multipart.parse(call.header("Content-Type"), call.body);
        } catch (IllegalArgumentException e) {
            return s3Error(400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data: " + e.getMessage());
        }
        String key = text(parts, "key");
        if (key == null) return s3Error(400, "InvalidArgument", "Bucket POST must contain a field named 'key'.");
        Records.InitImage init = s.store.initImageByKey(key);
        String signature = text(parts, "X-Amz-Signature");
        if (init == null || signature == null || !signature.equals(init.signature)) {
            return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
        if (s.store.millis() > init.expiresAtMillis) {
            return s3Error(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        }
        Multipart.Part file = parts.get("file");
        if (file == null || file.data().length == 0) {
            return s3Error(400, "InvalidArgument", "POST requires exactly one file upload per request (a part named 'file').");
        }
        if (file.data().length > 50L * 1024 * 1024) {
            return s3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
        }
        s.store.blobs.put(init.key, file.data());
        s.store.update(() -> init.uploaded = true);
        return Reply.empty(204);
    }

    private static String text(Map<String, Multipart.Part> parts, String name) {
        Multipart.Part p = parts.get(name);
        return p == null ? null : new String(p.data(), StandardCharsets.UTF_8);
    }

    static Reply s3Error(int status, String code, String message) {
        return Reply.xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>");
    }

    private Reply get(Call call) {
        String id = GenerationEndpoints.requireUuid(call.param("id"));
        Records.InitImage init = s.store.initImage(id);
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (init == null) {
            root.putNull("init_images_by_pk");
        } else {
            ObjectNode n = root.putObject("init_images_by_pk");
            n.put("id", init.id);
            n.put("url", s.cdnUrl(init.key));
            n.put("createdAt", init.createdAt);
        }
        return Reply.json(root);
    }

    private Reply delete(Call call) {
        String id = GenerationEndpoints.requireUuid(call.param("id"));
        Records.InitImage init = s.store.deleteInitImage(id);
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (init == null) root.putNull("delete_init_images_by_pk");
        else root.putObject("delete_init_images_by_pk").put("id", init.id);
        return Reply.json(root);
    }
}
