package dev.sitter.leonardo;

import java.util.Arrays;

/**
 * One image of a finished job. {@code bytes} is null only if the download failed after every retry;
 * then {@code downloadError} says why and {@code url} still points at the image (Leonardo keeps
 * generated images), so nothing paid for is lost.
 */
public record GeneratedImage(String id, String url, boolean nsfw, byte[] bytes, String downloadError) {
    public boolean downloaded() { return bytes != null; }

    @Override public String toString() {
        return "GeneratedImage[id=" + id + ", url=" + url + ", nsfw=" + nsfw
                + (bytes != null ? ", " + bytes.length + " bytes" : ", not downloaded: " + downloadError) + "]";
    }

    @Override public boolean equals(Object o) {
        return o instanceof GeneratedImage g && id.equals(g.id) && url.equals(g.url) && nsfw == g.nsfw
                && Arrays.equals(bytes, g.bytes) && java.util.Objects.equals(downloadError, g.downloadError);
    }

    @Override public int hashCode() { return id.hashCode() * 31 + Arrays.hashCode(bytes); }
}
