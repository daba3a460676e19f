package dev.sitter.imaging.drift;

import java.util.Arrays;

/**
 * The face-region part of {@link ImageFeatures}, computed with or without the backdrop mask.
 *
 * @param faceColour   HSV histogram of the face region, centre-weighted, sums to 1
 * @param layout       6x6 luminance grid of the face region, zero-mean unit-variance
 * @param edges        6x6 edge-strength grid of the face region, zero-mean unit-variance
 * @param regionColour colour histograms of a 3x3 grid over a 96x96 face crop, each followed by the cell's coverage
 * @param texture      fine-detail energy of the same 3x3 cells, relative to the crop's contrast
 * @param tone         histogram of the sitter's brightness relative to its median, in half stops
 */
public record FaceFeatures(float[] faceColour, float[] layout, float[] edges, float[] regionColour, float[] texture, float[] tone) {
    public FaceFeatures {
        faceColour = faceColour.clone();
        layout = layout.clone();
        edges = edges.clone();
        regionColour = regionColour.clone();
        texture = texture.clone();
        tone = tone.clone();
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

    @Override
    public float[] regionColour() {
        return regionColour.clone();
    }

    @Override
    public float[] texture() {
        return texture.clone();
    }

    @Override
    public float[] tone() {
        return tone.clone();
    }

    // Package views without copies, for the distance arithmetic.
    float[] faceColourView() {
        return faceColour;
    }

    float[] layoutView() {
        return layout;
    }

    float[] edgesView() {
        return edges;
    }

    float[] regionColourView() {
        return regionColour;
    }

    float[] textureView() {
        return texture;
    }

    float[] toneView() {
        return tone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceFeatures f && Arrays.equals(faceColour, f.faceColour) && Arrays.equals(layout, f.layout)
                && Arrays.equals(edges, f.edges) && Arrays.equals(regionColour, f.regionColour)
                && Arrays.equals(texture, f.texture) && Arrays.equals(tone, f.tone);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(faceColour) * 31 + Arrays.hashCode(tone);
    }

    @Override
    public String toString() {
        return "FaceFeatures[" + faceColour.length + "-bin colour, " + layout.length + "-cell layout]";
    }
}
