package dev.sitter.sandbox;

/** Serves stored images at {@code /cdn/<key>}, as Leonardo's CDN serves generated images and init images. */
final class CdnEndpoint {
    private final Services s;

    CdnEndpoint(Services s) {
        this.s = s;
    }

    Reply serve(String path) {
        String key = path.substring("/cdn/".length());
        if (key.contains("..")) return InitImageEndpoints.s3Error(403, "AccessDenied", "Access Denied");
        byte[] b = s.store.blobs.get(key);
        if (b == null) return InitImageEndpoints.s3Error(404, "NoSuchKey", "The specified key does not exist.");
        String lower = key.toLowerCase();
        String type = lower.endsWith(".png") ? "image/png" : (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) ? "image/jpeg"
                : lower.endsWith(".webp") ? "image/webp" : "application/octet-stream";
        return Reply.bytes(type, b).header("Cache-Control", "public, max-age=31536000, immutable");
    }
}
