package dev.sitter.imaging.drift;

import java.util.Objects;

/**
 * The compact description of a portrait that drift scoring compares (about 2 KB, computed in a few
 * tens of milliseconds from any size of image). All parts are landmark-free: no face detector, just
 * where a head-and-shoulders portrait puts the face.
 *
 * @param dHash    64-bit difference hash of the whole frame (coarse structure: pose, framing)
 * @param pHash    63-bit DCT perceptual hash of the whole frame (low-frequency layout)
 * @param masked   face features with the backdrop masked out, or null when the backdrop could not be
 *                 told from the sitter (then only the unmasked variant exists)
 * @param unmasked face features of every pixel of the face region
 * @param monochrome true when the face region has (next to) no colour: a black-and-white style
 * @param greyMasked the same features computed on the face region's luminance, contrast-stretched
 *                   over the sitter (5th to 95th percentile to black to white, so exposure and
 *                   contrast cancel), backdrop masked; null when {@code masked} is null
 * @param greyUnmasked the luminance-only features of every pixel of the face region
 */
public record ImageFeatures(long dHash, long pHash, FaceFeatures masked, FaceFeatures unmasked,
                            boolean monochrome, FaceFeatures greyMasked, FaceFeatures greyUnmasked) {
    public ImageFeatures {
        Objects.requireNonNull(unmasked, "unmasked");
        Objects.requireNonNull(greyUnmasked, "greyUnmasked");
        if ((masked == null) != (greyMasked == null)) {
            throw new IllegalArgumentException("masked and greyMasked must both be present or both absent");
        }
    }

    /** The variant two images can be compared on: masked when both have it, else unmasked; grey or in colour. */
    static FaceFeatures[] comparable(ImageFeatures a, ImageFeatures b, boolean grey) {
        if (grey) {
            return a.greyMasked != null && b.greyMasked != null
                    ? new FaceFeatures[]{a.greyMasked, b.greyMasked}
                    : new FaceFeatures[]{a.greyUnmasked, b.greyUnmasked};
        }
        return a.masked != null && b.masked != null
                ? new FaceFeatures[]{a.masked, b.masked}
                : new FaceFeatures[]{a.unmasked, b.unmasked};
    }

    @Override
    public String toString() {
        return String.format("ImageFeatures[dHash=%016x, pHash=%016x, %s%s]", dHash, pHash,
                masked != null ? "masked" : "unmasked only", monochrome ? ", monochrome" : "");
    }
}
