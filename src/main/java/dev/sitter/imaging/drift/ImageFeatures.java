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
 */
public record ImageFeatures(long dHash, long pHash, FaceFeatures masked, FaceFeatures unmasked) {
    public ImageFeatures {
        Objects.requireNonNull(unmasked, "unmasked");
    }

    /** The variant two images can be compared on: masked when both have it, else unmasked. */
    static FaceFeatures[] comparable(ImageFeatures a, ImageFeatures b) {
        return a.masked != null && b.masked != null
                ? new FaceFeatures[]{a.masked, b.masked}
                : new FaceFeatures[]{a.unmasked, b.unmasked};
    }

    @Override
    public String toString() {
        return String.format("ImageFeatures[dHash=%016x, pHash=%016x, %s]", dHash, pHash, masked != null ? "masked" : "unmasked only");
    }
}
