package dev.sitter.leonardo;

/**
 * Maps a local file's SHA-256 to the Leonardo init-image id it was uploaded as.
 * The client resolves real ids by uploading; a dry run uses {@link #placeholders()}.
 */
@FunctionalInterface
public interface ImageIds {
    String idFor(String sha256);

    /** Stands in for ids not uploaded yet, e.g. {@code <upload sha256:3f2a9c01>}, so a dry run shows what would be sent. */
    static ImageIds placeholders() {
        return sha -> "<upload sha256:" + sha.substring(0, Math.min(12, sha.length())) + ">";
    }
}
