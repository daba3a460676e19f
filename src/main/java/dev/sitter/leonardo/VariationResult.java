package dev.sitter.leonardo;

import java.util.Arrays;

/**
 * A finished variation job (upscale, universal upscale, background removal): its id (usable as a
 * {@code variationId}/{@code isVariation} source for the next step), kind, URL, bytes and cost.
 * {@code bytes} is null only if the download failed after retries ({@code downloadError} says why).
 */
public record VariationResult(String variationId, String transformType, String url, byte[] bytes,
                              String downloadError, Cost cost, Timing timing) {
    public boolean downloaded() { return bytes != null; }

    @Override public String toString() {
        return "VariationResult[id=" + variationId + ", " + transformType + ", url=" + url
                + (bytes != null ? ", " + bytes.length + " bytes" : ", not downloaded: " + downloadError)
                + ", cost=" + cost + "]";
    }

    @Override public boolean equals(Object o) {
        return o instanceof VariationResult v && variationId.equals(v.variationId) && Arrays.equals(bytes, v.bytes);
    }

    @Override public int hashCode() { return variationId.hashCode(); }
}
