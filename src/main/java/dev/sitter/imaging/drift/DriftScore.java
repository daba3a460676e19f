package dev.sitter.imaging.drift;

/**
 * An image's drift: {@code score} in [0,1] (0 = looks exactly like a reference; higher = strays
 * further from the character), the reference it is closest to overall (0 = the master, then the
 * anchors in order) and the per-feature distances, each to its best-matching reference.
 */
public record DriftScore(double score, int nearestReference, DriftComponents components) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "drift %.3f (nearest reference %d)", score, nearestReference);
    }
}
