package dev.sitter.pipeline;

import java.util.Locale;

/**
 * A composite's two settings, their defaults and their allowed ranges, in one place: the DSL command,
 * the pipeline step, the estimate and the Studio (which every composite, replays included, goes
 * through) all check against these. The range matters beyond taste: a record from a pack is
 * untrusted, and an unbounded feather would make the mask blur run for as long as the number says.
 *
 * @param denoise how much the blending pass repaints inside the mask (init_strength = 1 - denoise)
 * @param feather the blur radius of the patch's edge, in pixels
 */
public record CompositeOptions(double denoise, int feather) {
    /**
     * How much the denoise pass repaints when none is given: enough to melt the seam, little enough
     * to keep the verified patch (init_strength 0.8, canvas inpainting's most).
     */
    public static final double DEFAULT_DENOISE = 0.2;
    public static final double MIN_DENOISE = 0.2, MAX_DENOISE = 0.9;
    /** The default soft edge of the patch, in pixels. */
    public static final int DEFAULT_FEATHER = 6;
    public static final int MIN_FEATHER = 0, MAX_FEATHER = 64;

    /** Refuses values out of range (NaN included), naming the option, the range and the default. */
    public CompositeOptions {
        if (!(denoise >= MIN_DENOISE && denoise <= MAX_DENOISE)) {
            throw new OutOfRange("denoise", "composite denoise: " + show(denoise) + " is outside " + MIN_DENOISE + "-" + MAX_DENOISE
                    + "; it is how much the blending pass repaints inside the mask (init_strength 0.8-0.1): write e.g. denoise: "
                    + DEFAULT_DENOISE + " (the default, keeps the patch and melts its seam) or 0.3 for a stronger blend");
        }
        if (feather < MIN_FEATHER || feather > MAX_FEATHER) {
            throw new OutOfRange("feather", "composite feather: " + feather + " is outside " + MIN_FEATHER + "-" + MAX_FEATHER
                    + " pixels; write e.g. feather: " + DEFAULT_FEATHER + " (the default)");
        }
    }

    /** The options as given, the defaults for what is null. */
    public static CompositeOptions of(Double denoise, Integer feather) {
        return new CompositeOptions(denoise == null ? DEFAULT_DENOISE : denoise, feather == null ? DEFAULT_FEATHER : feather);
    }

    private static String show(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(d);
    }

    /** A composite option out of its range; {@link #option()} names it (for the error's location). */
    public static final class OutOfRange extends IllegalArgumentException {
        private final String option;

        OutOfRange(String option, String message) {
            super(message);
            this.option = option;
        }

        public String option() { return option; }
    }
}
