package dev.sitter.imaging.drift;

/**
 * Per-feature distances between an image and one reference, each in [0,1] (0 = identical,
 * about 1 = unrelated).
 */
public record DriftComponents(double dHash, double pHash, double faceColour, double layout, double edges,
                              double regionColour, double texture, double tone) {
    /** The weighted mean. */
    public double combine(DriftWeights w) {
        return w.dHash() * dHash + w.pHash() * pHash + w.faceColour() * faceColour + w.layout() * layout + w.edges() * edges
                + w.regionColour() * regionColour + w.texture() * texture + w.tone() * tone;
    }

    /** Component-wise minimum: each feature's distance to whichever reference matches it best. */
    public DriftComponents min(DriftComponents o) {
        return new DriftComponents(Math.min(dHash, o.dHash), Math.min(pHash, o.pHash), Math.min(faceColour, o.faceColour),
                Math.min(layout, o.layout), Math.min(edges, o.edges), Math.min(regionColour, o.regionColour),
                Math.min(texture, o.texture), Math.min(tone, o.tone));
    }

    /** Distances between two feature sets, in colour unless one of them is monochrome. */
    public static DriftComponents between(ImageFeatures a, ImageFeatures b) {
        return between(a, b, a.monochrome() || b.monochrome());
    }

    /**
     * Distances between two feature sets; {@code grey}: on the contrast-stretched luminance variants, which
     * is how a black-and-white image must be compared with a colour one (colour histograms of a
     * grey image say nothing about identity).
     */
    public static DriftComponents between(ImageFeatures a, ImageFeatures b, boolean grey) {
        FaceFeatures[] f = ImageFeatures.comparable(a, b, grey);
        FaceFeatures fa = f[0], fb = f[1];
        return new DriftComponents(
                hashDistance(a.dHash(), b.dHash(), 64),
                hashDistance(a.pHash(), b.pHash(), 63),
                hellinger(fa.faceColourView(), fb.faceColourView()),
                correlationDistance(fa.layoutView(), fb.layoutView()),
                correlationDistance(fa.edgesView(), fb.edgesView()),
                regionDistance(fa.regionColourView(), fb.regionColourView()),
                ratioDistance(fa.textureView(), fb.textureView()),
                hellinger(fa.toneView(), fb.toneView()));
    }

    /**
     * Mean Hellinger distance of the per-cell histograms, weighted by the cells' coverage; a cell that
     * holds the sitter in one image and only backdrop in the other counts as fully different.
     */
    static double regionDistance(float[] a, float[] b) {
        int bins = FeatureExtractor.REGION_BINS;
        int stride = bins + 1;
        double sum = 0, weight = 0;
        for (int base = 0; base < a.length; base += stride) {
            float ca = a[base + bins], cb = b[base + bins];
            double w = (ca + cb) / 2;
            if (w == 0) {
                continue;
            }
            double d;
            if (ca == 0 || cb == 0) {
                d = 1;
            } else {
                double bc = 0, sa = 0, sb = 0;
                for (int i = 0; i < bins; i++) {
                    bc += Math.sqrt((double) a[base + i] * b[base + i]);
                    sa += a[base + i];
                    sb += b[base + i];
                }
                d = Math.sqrt(Math.max(0, 1 - bc / Math.sqrt(sa * sb)));
            }
            sum += w * d;
            weight += w;
        }
        return weight == 0 ? 0 : sum / weight;
    }

    /** Mean relative difference |a-b|/(a+b) of non-negative values: 0 equal, 1 one of them zero. */
    static double ratioDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double s = a[i] + b[i];
            sum += s <= 1e-9 ? 0 : Math.abs(a[i] - b[i]) / s;
        }
        return sum / a.length;
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
