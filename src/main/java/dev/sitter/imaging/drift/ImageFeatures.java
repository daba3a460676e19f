package dev.sitter.imaging.drift;

import java.util.Arrays;

/**
 * The compact description of a portrait that drift scoring compares (about 1 KB, computed in a few
 * milliseconds from any size of image). All parts are landmark-free: no face detector, just where
 * a head-and-shoulders portrait puts the face.
 *
 * @param dHash         64-bit difference hash of the whole frame (coarse structure: pose, framing)
 * @param pHash         63-bit DCT perceptual hash of the whole frame (low-frequency layout)
 * @param faceColour    HSV histogram of the face-and-hair region, centre-weighted, sums to 1
 * @param layout        coarse luminance grid of the face region, zero-mean unit-variance
 * @param edges         coarse edge-strength grid of the face region, zero-mean unit-variance
 * @param regionColour  colour histograms of a 3x3 grid over a 96x96 face crop, each followed by the cell's coverage
 * @param texture       fine-detail energy of the same 3x3 cells, relative to the crop's contrast
 * @param tone          histogram of the sitter's brightness relative to its median, in half stops
 */
public record ImageFeatures(long dHash, long pHash, float[] faceColour, float[] layout, float[] edges,
                            float[] regionColour, float[] texture, float[] tone) {
    public ImageFeatures {
        faceColour = faceColour.clone();
        layout = layout.clone();
        edges = edges.clone();
        regionColour = regionColour.clone();
        texture = texture.clone();
        tone = tone.clone();
    }

    float[] toneView() {
        return tone;
    }

    float[] regionColourView() {
        return regionColour;
    }

    float[] textureView() {
        return texture;
    }

    @Override
    public float[] faceColour() {
        return faceColour.clone();
    }

    @Override
    public float[] layout() {
        return layout.clone();
    }

    @Override
    public float[] edges() {
        return edges.clone();
    }

    float[] faceColourView() {
        return faceColour;
    }

    float[] layoutView() {
        return layout;
    }

    float[] edgesView() {
        return edges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageFeatures f && dHash == f.dHash && pHash == f.pHash && Arrays.equals(faceColour, f.faceColour)
                && Arrays.equals(layout, f.layout) && Arrays.equals(edges, f.edges)
                && Arrays.equals(regionColour, f.regionColour) && Arrays.equals(texture, f.texture)
                && Arrays.equals(tone, f.tone);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(dHash) * 31 + Long.hashCode(pHash) * 17 + Arrays.hashCode(faceColour);
    }

    @Override
    public String toString() {
        return String.format("ImageFeatures[dHash=%016x, pHash=%016x]", dHash, pHash);
    }
}
