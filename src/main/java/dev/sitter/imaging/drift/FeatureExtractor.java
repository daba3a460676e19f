package dev.sitter.imaging.drift;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.Resizer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Computes {@link ImageFeatures} from pixels. Every image is first area-averaged to a fixed
 * 64x64 frame (portraits of any size and aspect compare alike, and the cost no longer depends on
 * the input size), composited over mid-grey if it has alpha. All arithmetic is deterministic Java
 * float/double, so the same image gives bit-identical features on every machine.
 *
 * <p>The face region is fixed, not detected: the central upper part of the frame where a
 * head-and-shoulders portrait puts face and hair (x 22%..78%, y 12.5%..69%, so centred at
 * 40% of the height, about where portrait framing puts the eyes).
 */
public final class FeatureExtractor {
    static final int FRAME = 64;
    static final int FACE_X0 = 14;   // 22% of 64
    static final int FACE_X1 = 50;   // 78%
    static final int FACE_Y0 = 8;    // 12.5%
    static final int FACE_Y1 = 44;   // 69%
    static final int GRID = 6;       // face region cells per side for layout/edges
    static final int HUES = 12;
    /** Histogram: HUES x 3 saturation levels, then 4 achromatic value bins. */
    static final int BINS = HUES * 3 + 4;

    private FeatureExtractor() {}

    public static ImageFeatures of(Path file) {
        return of(Images.read(file));
    }

    public static ImageFeatures of(BufferedImage image) {
        BufferedImage frame = Resizer.resize(image, FRAME, FRAME, Resizer.Filter.AREA);
        int[] px = opaque(Images.pixels(frame));
        long dHash = dHash(Resizer.resize(frame, 9, 8, Resizer.Filter.AREA));
        long pHash = pHash(luma(opaque(Images.pixels(Resizer.resize(frame, 32, 32, Resizer.Filter.AREA)))));
        boolean[] background = background(px);
        float[] luma = neutraliseBackground(luma(px), background);
        return new ImageFeatures(dHash, pHash, faceColour(px, background), layout(luma), edges(luma));
    }

    private static int[] opaque(int[] px) {
        for (int i = 0; i < px.length; i++) {
            int a = px[i] >>> 24;
            if (a != 255) {
                int r = ((px[i] >> 16 & 0xff) * a + 128 * (255 - a)) / 255;
                int g = ((px[i] >> 8 & 0xff) * a + 128 * (255 - a)) / 255;
                int b = ((px[i] & 0xff) * a + 128 * (255 - a)) / 255;
                px[i] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return px;
    }

    private static float[] luma(int[] px) {
        float[] out = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = 0.299f * (px[i] >> 16 & 0xff) + 0.587f * (px[i] >> 8 & 0xff) + 0.114f * (px[i] & 0xff);
        }
        return out;
    }

    /** Bit set where a pixel is brighter than its right neighbour, on a 9x8 grid. */
    static long dHash(BufferedImage nineByEight) {
        float[] l = luma(opaque(Images.pixels(nineByEight)));
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash = hash << 1 | (l[y * 9 + x] > l[y * 9 + x + 1] ? 1 : 0);
            }
        }
        return hash;
    }

    private static final double[][] DCT = dctMatrix(32);

    private static double[][] dctMatrix(int n) {
        double[][] m = new double[8][n];
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < n; x++) {
                m[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * n));
            }
        }
        return m;
    }

    /** The 8x8 lowest DCT frequencies of a 32x32 luma grid, DC left out, thresholded at their median. */
    static long pHash(float[] luma32) {
        double[][] rows = new double[32][8]; // DCT along x for each row
        for (int y = 0; y < 32; y++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int x = 0; x < 32; x++) {
                    sum += DCT[u][x] * luma32[y * 32 + x];
                }
                rows[y][u] = sum;
            }
        }
        double[] coefficients = new double[63];
        int k = 0;
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                if (u == 0 && v == 0) {
                    continue;
                }
                double sum = 0;
                for (int y = 0; y < 32; y++) {
                    sum += DCT[v][y] * rows[y][u];
                }
                coefficients[k++] = sum;
            }
        }
        double[] sorted = coefficients.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[31];
        long hash = 0;
        for (double c : coefficients) {
            hash = hash << 1 | (c > median ? 1 : 0);
        }
        return hash;
    }

    /**
     * HSV histogram of the face region, each pixel weighted by a Gaussian around the region centre
     * (face over background corners). Hue is soft-binned between the two nearest of 12 bins, split by
     * three saturation levels; near-grey or near-black pixels, whose hue is noise, go to 4 value bins.
     */
    static float[] faceColour(int[] px, boolean[] background) {
        float[] hist = new float[BINS];
        float cx = (FACE_X0 + FACE_X1 - 1) / 2f;
        float cy = (FACE_Y0 + FACE_Y1 - 1) / 2f;
        float sx = (FACE_X1 - FACE_X0) * 0.35f;
        float sy = (FACE_Y1 - FACE_Y0) * 0.35f;
        double total = 0;
        for (int y = FACE_Y0; y < FACE_Y1; y++) {
            for (int x = FACE_X0; x < FACE_X1; x++) {
                float dx = (x - cx) / sx;
                float dy = (y - cy) / sy;
                if (background[y * FRAME + x]) {
                    continue;
                }
                float w = (float) Math.exp(-(dx * dx + dy * dy) / 2);
                int p = px[y * FRAME + x];
                float r = (p >> 16 & 0xff) / 255f, g = (p >> 8 & 0xff) / 255f, b = (p & 0xff) / 255f;
                float max = Math.max(r, Math.max(g, b));
                float min = Math.min(r, Math.min(g, b));
                float chroma = max - min;
                float sat = max == 0 ? 0 : chroma / max;
                if (sat < 0.12f || max < 0.1f) {
                    hist[HUES * 3 + Math.min(3, (int) (max * 4))] += w;
                } else {
                    float hue; // 0..6
                    if (max == r) {
                        hue = (g - b) / chroma;
                        if (hue < 0) {
                            hue += 6;
                        }
                    } else if (max == g) {
                        hue = (b - r) / chroma + 2;
                    } else {
                        hue = (r - g) / chroma + 4;
                    }
                    float pos = hue / 6 * HUES - 0.5f; // bin centres at 0.5, 1.5, ...
                    if (pos < 0) {
                        pos += HUES;
                    }
                    int lo = (int) pos % HUES;
                    int hi = (lo + 1) % HUES;
                    float frac = pos - (int) pos;
                    int satLevel = sat < 0.3f ? 0 : sat < 0.55f ? HUES : 2 * HUES;
                    hist[satLevel + lo] += w * (1 - frac);
                    hist[satLevel + hi] += w * frac;
                }
                total += w;
            }
        }
        if (total == 0) {
            return hist; // nothing but background: an empty histogram (distance 1 to any portrait)
        }
        for (int i = 0; i < hist.length; i++) {
            hist[i] = (float) (hist[i] / total);
        }
        return hist;
    }

    /** Max RGB distance (0..441) at which a pixel counts as the backdrop's colour. */
    static final int BACKGROUND_TOLERANCE = 28;
    /** Border samples: the top rows and the side columns, this many pixels deep... */
    static final int BORDER_DEPTH = 3;
    /** ...down to this row (60% of the height; below it the shoulders reach the frame's sides). */
    static final int BORDER_BOTTOM = 38;

    /**
     * A landmark-free foreground mask: pixels whose colour is within {@link #BACKGROUND_TOLERANCE}
     * of some pixel on the frame's top edge or upper side edges are taken as backdrop. Portraits
     * put background there and face, hair and shoulders in the middle, so this removes the seed's
     * backdrop colour from the face features without a face detector. Only the face region (plus a
     * one-pixel margin for the edge filter) is classified; the rest is left false.
     */
    static boolean[] background(int[] px) {
        java.util.List<int[]> samples = new java.util.ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < BORDER_BOTTOM; y++) {
            for (int x = 0; x < FRAME; x++) {
                boolean border = y < BORDER_DEPTH || x < BORDER_DEPTH || x >= FRAME - BORDER_DEPTH;
                // Quantise to 4 bits per channel to keep the sample list short; 16-level buckets are
                // well inside the tolerance.
                if (border && seen.add((px[y * FRAME + x] >> 4) & 0x0f0f0f)) {
                    int p = px[y * FRAME + x];
                    samples.add(new int[]{p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff});
                }
            }
        }
        boolean[] mask = new boolean[FRAME * FRAME];
        int limit = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;
        for (int y = Math.max(0, FACE_Y0 - 1); y < Math.min(FRAME, FACE_Y1 + 1); y++) {
            for (int x = FACE_X0 - 1; x < FACE_X1 + 1; x++) {
                int p = px[y * FRAME + x];
                int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;
                for (int[] s : samples) {
                    int dr = r - s[0], dg = g - s[1], db = b - s[2];
                    if (dr * dr + dg * dg + db * db <= limit) {
                        mask[y * FRAME + x] = true;
                        break;
                    }
                }
            }
        }
        return mask;
    }

    /** Replaces backdrop pixels by the mean foreground luma, so layout and edges see the sitter, not the backdrop. */
    static float[] neutraliseBackground(float[] luma, boolean[] background) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < luma.length; i++) {
            if (!background[i]) {
                sum += luma[i];
                n++;
            }
        }
        float mean = n == 0 ? 128 : (float) (sum / n);
        float[] out = luma.clone();
        for (int i = 0; i < out.length; i++) {
            if (background[i]) {
                out[i] = mean;
            }
        }
        return out;
    }

    /** Mean luma per GRID x GRID cell of the face region, standardised (so exposure changes cancel). */
    static float[] layout(float[] luma) {
        float[] cells = new float[GRID * GRID];
        int cw = (FACE_X1 - FACE_X0) / GRID;
        int ch = (FACE_Y1 - FACE_Y0) / GRID;
        for (int y = FACE_Y0; y < FACE_Y1; y++) {
            for (int x = FACE_X0; x < FACE_X1; x++) {
                cells[(y - FACE_Y0) / ch * GRID + (x - FACE_X0) / cw] += luma[y * FRAME + x];
            }
        }
        return standardise(cells);
    }

    /** Sobel gradient magnitude summed per GRID x GRID cell of the face region, standardised. */
    static float[] edges(float[] luma) {
        float[] cells = new float[GRID * GRID];
        int cw = (FACE_X1 - FACE_X0) / GRID;
        int ch = (FACE_Y1 - FACE_Y0) / GRID;
        for (int y = FACE_Y0; y < FACE_Y1; y++) {
            for (int x = FACE_X0; x < FACE_X1; x++) {
                float gx = at(luma, x + 1, y - 1) + 2 * at(luma, x + 1, y) + at(luma, x + 1, y + 1)
                        - at(luma, x - 1, y - 1) - 2 * at(luma, x - 1, y) - at(luma, x - 1, y + 1);
                float gy = at(luma, x - 1, y + 1) + 2 * at(luma, x, y + 1) + at(luma, x + 1, y + 1)
                        - at(luma, x - 1, y - 1) - 2 * at(luma, x, y - 1) - at(luma, x + 1, y - 1);
                cells[(y - FACE_Y0) / ch * GRID + (x - FACE_X0) / cw] += (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        return standardise(cells);
    }

    private static float at(float[] luma, int x, int y) {
        x = Math.max(0, Math.min(FRAME - 1, x));
        y = Math.max(0, Math.min(FRAME - 1, y));
        return luma[y * FRAME + x];
    }

    static float[] standardise(float[] v) {
        double mean = 0;
        for (float f : v) {
            mean += f;
        }
        mean /= v.length;
        double var = 0;
        for (float f : v) {
            var += (f - mean) * (f - mean);
        }
        double sd = Math.sqrt(var / v.length);
        float[] out = new float[v.length];
        if (sd < 1e-6) {
            return out; // flat region: no structure to compare
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - mean) / sd);
        }
        return out;
    }
}
