package dev.sitter.imaging.drift;

/**
 * How much each feature distance counts in the drift score. Weights are non-negative and sum to 1,
 * so the score, a weighted mean of distances in [0,1], is itself in [0,1].
 */
public record DriftWeights(double dHash, double pHash, double faceColour, double layout, double edges,
                           double regionColour, double texture, double tone) {
    /**
     * The defaults: face colour dominates because identity drift (skin, hair, eyes) shows first in
     * the colours of the face region, while pose, light and background (which vary between
     * faithful renders) move the structural hashes too. See docs/drift.md for the measurement.
     */
    public static final DriftWeights DEFAULT = new DriftWeights(0.05, 0.00, 0.30, 0.15, 0.10, 0.05, 0.05, 0.30);

    /**
     * For black and white against colour, on contrast-stretched luminance: colour histograms and
     * tonal balance change with the style's tone curve and say little about identity there, so the
     * weight goes to where light and dark sit (layout), edges, and the per-cell dark/mid/light
     * shares. Chosen by a grid search on the tuning seeds (5000+), see docs/drift.md.
     */
    public static final DriftWeights GREY = new DriftWeights(0.00, 0.00, 0.00, 0.65, 0.20, 0.10, 0.05, 0.00);

    public DriftWeights {
        double[] all = {dHash, pHash, faceColour, layout, edges, regionColour, texture, tone};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("drift weights must be finite and >= 0, got " + this);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("drift weights must sum to 1, got " + sum + " (" + dHash + ", " + pHash + ", "
                    + faceColour + ", " + layout + ", " + edges + ", " + regionColour + ", " + texture + ", " + tone + ")");
        }
    }
}
