package dev.sitter.imaging.drift;

/**
 * Per-feature distances between an image and one reference, each in [0,1] (0 = identical,
 * about 1 = unrelated).
 */
public record DriftComponents(double dHash, double pHash, double faceColour, double layout, double edges) {
    /** The weighted mean. */
    public double combine(DriftWeights w) {
        return w.dHash() * dHash + w.pHash() * pHash + w.faceColour() * faceColour + w.layout() * layout + w.edges() * edges;
    }

    /** Distances between two feature sets. */
    public static DriftComponents between(ImageFeatures a, ImageFeatures b) {
        return new DriftComponents(
                hashDistance(a.dHash(), b.dHash(), 64),
                hashDistance(a.pHash(), b.pHash(), 63),
                hellinger(a.faceColourView(), b.faceColourView()),
                correlationDistance(a.layoutView(), b.layoutView()),
                correlationDistance(a.edgesView(), b.edgesView()));
    }

    /** Hamming distance scaled so that unrelated hashes (half the bits differ) score 1. */
    static double hashDistance(long a, long b, int bits) {
        return Math.min(1, 2.0 * Long.bitCount(a ^ b) / bits);
    }

    /** Hellinger distance of two histograms summing to 1: 0 identical, 1 disjoint. */
    static double hellinger(float[] p, float[] q) {
        double bc = 0, sp = 0, sq = 0;
        for (int i = 0; i < p.length; i++) {
            bc += Math.sqrt((double) p[i] * q[i]);
            sp += p[i];
            sq += q[i];
        }
        if (sp == 0 || sq == 0) {
            return sp == sq ? 0 : 1;
        }
        // Normalise by the sums so float rounding in the histograms cannot leave a residue.
        return Math.sqrt(Math.max(0, 1 - bc / Math.sqrt(sp * sq)));
    }

    /** 1 - Pearson correlation of two standardised grids, clamped to [0,1] (anti-correlated counts as unrelated). */
    static double correlationDistance(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        boolean flatA = isFlat(a), flatB = isFlat(b);
        if (flatA || flatB) {
            return flatA && flatB ? 0 : 1;
        }
        double r = dot / a.length;
        return Math.max(0, Math.min(1, 1 - r));
    }

    private static boolean isFlat(float[] v) {
        for (float f : v) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }
}
