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
 */
public record ImageFeatures(long dHash, long pHash, float[] faceColour, float[] layout, float[] edges) {
    public ImageFeatures {
        faceColour = faceColour.clone();
        layout = layout.clone();
        edges = edges.clone();
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
                && Arrays.equals(layout, f.layout) && Arrays.equals(edges, f.edges);
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
