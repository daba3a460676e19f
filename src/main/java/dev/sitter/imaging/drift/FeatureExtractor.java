package dev.sitter.imaging.drift;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.Resizer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    /** Histogram: HUES x 3 saturation levels, then 3 achromatic value bins. */
    static final int BINS = HUES * 3 + 3;

    private FeatureExtractor() {}

    public static ImageFeatures of(Path file) {
        return of(Images.read(file));
    }

    public static ImageFeatures of(BufferedImage image) {
        BufferedImage frame = Resizer.resize(image, FRAME, FRAME, Resizer.Filter.AREA);
        int[] px = opaque(Images.pixels(frame));
        long dHash = dHash(Resizer.resize(frame, 9, 8, Resizer.Filter.AREA));
        long pHash = pHash(luma(opaque(Images.pixels(Resizer.resize(frame, 32, 32, Resizer.Filter.AREA)))));
        // The details (eyes, glasses, scars, freckles) need more pixels than the 64x64 frame has:
        // the face region is resampled from the original at DETAIL x DETAIL.
        int x0 = (int) Math.floor(image.getWidth() * (double) FACE_X0 / FRAME);
        int y0 = (int) Math.floor(image.getHeight() * (double) FACE_Y0 / FRAME);
        int x1 = Math.max(x0 + 1, (int) Math.ceil(image.getWidth() * (double) FACE_X1 / FRAME));
        int y1 = Math.max(y0 + 1, (int) Math.ceil(image.getHeight() * (double) FACE_Y1 / FRAME));
        BufferedImage crop = Images.toArgb(image).getSubimage(x0, y0, Math.min(x1, image.getWidth()) - x0, Math.min(y1, image.getHeight()) - y0);
        int[] detail = opaque(Images.pixels(Resizer.resize(crop, DETAIL, DETAIL, Resizer.Filter.AREA)));

        List<int[]> backdrop = backdropSamples(px);
        boolean[] background = background(px, FRAME, FRAME, FACE_X0 - 1, FACE_Y0 - 1, FACE_X1 + 1, FACE_Y1 + 1, backdrop);
        // When the sitter has the backdrop's colours (dark skin against a dark noir wall) the mask
        // would remove the face itself: such an image has only the unmasked variant, and the
        // scorer then compares it unmasked with the unmasked variant of each reference.
        boolean[] noMask = new boolean[FRAME * FRAME], noDetailMask = new boolean[DETAIL * DETAIL];
        FaceFeatures masked = null, greyMasked = null;
        if (!centreLooksLikeBackdrop(background)) {
            boolean[] mask = dilate(background, FRAME, FRAME, 1);
            boolean[] detailMask = dilate(background(detail, DETAIL, DETAIL, 0, 0, DETAIL, DETAIL, backdrop), DETAIL, DETAIL, 1);
            masked = face(px, mask, detail, detailMask);
            greyMasked = greyFace(px, mask, detail, detailMask);
        }
        FaceFeatures unmasked = face(px, noMask, detail, noDetailMask);
        FaceFeatures greyUnmasked = greyFace(px, noMask, detail, noDetailMask);
        return new ImageFeatures(dHash, pHash, masked, unmasked, monochrome(px), greyMasked, greyUnmasked);
    }

    /** The face features of the contrast-stretched luminance: what a black-and-white render can be compared on. */
    private static FaceFeatures greyFace(int[] px, boolean[] background, int[] detail, boolean[] detailBackground) {
        return face(stretchedGrey(px, FRAME, FACE_X0, FACE_Y0, FACE_X1, FACE_Y1, background), background,
                stretchedGrey(detail, DETAIL, 0, 0, DETAIL, DETAIL, detailBackground), detailBackground);
    }

    /** Mean chroma (max - min channel, 0..255) of the face region below which an image counts as black and white. */
    static final float MONOCHROME_CHROMA = 12f;

    /**
     * True when the face region carries next to no colour. Black-and-white styles may be slightly
     * toned (sepia, cold blue), so a small mean chroma still counts as monochrome.
     */
    static boolean monochrome(int[] px) {
        double sum = 0;
        int n = 0;
        for (int y = FACE_Y0; y < FACE_Y1; y++) {
            for (int x = FACE_X0; x < FACE_X1; x++) {
                int p = px[y * FRAME + x];
                int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;
                sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                n++;
            }
        }
        return sum / n < MONOCHROME_CHROMA;
    }

    /**
     * Grey pixels: the luma of the sitter's pixels in the rectangle [x0,x1) x [y0,y1), stretched so
     * that their 5th percentile is black and their 95th white. Exposure and contrast cancel, and
     * what survives is where the dark hair sits against the lighter skin. (Full histogram
     * equalisation was tried first: it also cancels tone curves, but it amplifies grain in flat
     * skin and separated worse.) Pixels outside the rectangle or masked keep their plain luma (they
     * are not used by the face features, or neutralised).
     */
    /** The contrast stretch maps this percentile of the sitter's luma to black, and 1 minus it to white. */
    static final double STRETCH_PERCENTILE = 0.05;

    static int[] stretchedGrey(int[] px, int width, int x0, int y0, int x1, int y1, boolean[] background) {
        float[] luma = luma(px);
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            int g = Math.max(0, Math.min(255, Math.round(luma[i])));
            out[i] = 0xff000000 | g << 16 | g << 8 | g;
        }
        int n = 0;
        float[] values = new float[(x1 - x0) * (y1 - y0)];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (!background[y * width + x]) {
                    values[n++] = luma[y * width + x];
                }
            }
        }
        if (n == 0) {
            return out;
        }
        float[] sorted = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(sorted);
        float low = sorted[(int) (n * STRETCH_PERCENTILE)];
        float span = Math.max(1f, sorted[Math.min(n - 1, (int) (n * (1 - STRETCH_PERCENTILE)))] - low);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * width + x;
                if (background[i]) {
                    continue;
                }
                int g = (int) Math.round(Math.max(0, Math.min(1, (luma[i] - low) / span)) * 255);
                out[i] = 0xff000000 | g << 16 | g << 8 | g;
            }
        }
        return out;
    }


    private static FaceFeatures face(int[] px, boolean[] background, int[] detail, boolean[] detailBackground) {
        float[] luma = neutraliseBackground(luma(px), background);
        return new FaceFeatures(faceColour(px, background), layout(luma), edges(luma), regionColour(detail, detailBackground),
                texture(neutraliseBackground(luma(detail), detailBackground), detailBackground), tone(luma(detail), detailBackground));
    }

    static final int TONE_BINS = 8;

    /**
     * Tonal balance of the sitter: histogram of foreground luma relative to its median, in
     * half-stop bins from 3 stops below to 1 stop above. Dividing by the median cancels the light's
     * strength, while the ratio of hair to skin brightness (black vs blonde hair, pale vs dark skin)
     * survives, even in monochrome styles where colour features see nothing.
     */
    static float[] tone(float[] luma, boolean[] background) {
        float[] values = new float[luma.length];
        int n = 0;
        for (int i = 0; i < luma.length; i++) {
            if (!background[i]) {
                values[n++] = luma[i];
            }
        }
        float[] hist = new float[TONE_BINS];
        if (n == 0) {
            return hist;
        }
        float[] sorted = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(sorted);
        float median = Math.max(1f, sorted[n / 2]);
        for (int i = 0; i < n; i++) {
            double stops = Math.log(Math.max(0.5f, values[i]) / median) / Math.log(2);
            int bin = (int) Math.floor((stops + 3) * 2); // half-stop bins over [-3, +1)
            hist[Math.max(0, Math.min(TONE_BINS - 1, bin))] += 1f / n;
        }
        return hist;
    }

    static final int DETAIL = 96;
    static final int REGIONS = 3;
    /** Region histogram: 8 hues x 2 saturation levels + 3 achromatic value classes. */
    static final int REGION_BINS = 8 * 2 + 3;

    /**
     * Colour histograms of a 3x3 grid over the face crop (each pixel shared bilinearly between the
     * nearest cells, so a small shift of the head moves mass smoothly). Where colours sit matters:
     * glasses put dark pixels in the eye cells, long hair puts hair colour in the lower side cells,
     * eye colour is a visible share of the eye cells.
     */
    static float[] regionColour(int[] px, boolean[] background) {
        float[] hist = new float[REGIONS * REGIONS * (REGION_BINS + 1)]; // last slot per cell: its total weight
        float cell = (float) DETAIL / REGIONS;
        for (int y = 0; y < DETAIL; y++) {
            for (int x = 0; x < DETAIL; x++) {
                if (background[y * DETAIL + x]) {
                    continue;
                }
                int bin = regionBin(px[y * DETAIL + x]);
                float gx = Math.max(0, Math.min(REGIONS - 1, (x + 0.5f) / cell - 0.5f));
                float gy = Math.max(0, Math.min(REGIONS - 1, (y + 0.5f) / cell - 0.5f));
                int cx0 = Math.min((int) gx, REGIONS - 2), cy0 = Math.min((int) gy, REGIONS - 2);
                float fx = gx - cx0, fy = gy - cy0;
                add(hist, cx0, cy0, bin, (1 - fx) * (1 - fy));
                add(hist, cx0 + 1, cy0, bin, fx * (1 - fy));
                add(hist, cx0, cy0 + 1, bin, (1 - fx) * fy);
                add(hist, cx0 + 1, cy0 + 1, bin, fx * fy);
            }
        }
        for (int c = 0; c < REGIONS * REGIONS; c++) {
            int base = c * (REGION_BINS + 1);
            float total = hist[base + REGION_BINS];
            if (total > 0) {
                for (int b = 0; b < REGION_BINS; b++) {
                    hist[base + b] /= total;
                }
                hist[base + REGION_BINS] = total / (DETAIL * DETAIL / (float) (REGIONS * REGIONS));
            }
        }
        return hist;
    }

    private static void add(float[] hist, int cx, int cy, int bin, float w) {
        int base = (cy * REGIONS + cx) * (REGION_BINS + 1);
        hist[base + bin] += w;
        hist[base + REGION_BINS] += w;
    }

    private static int regionBin(int p) {
        float r = (p >> 16 & 0xff) / 255f, g = (p >> 8 & 0xff) / 255f, b = (p & 0xff) / 255f;
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float chroma = max - min;
        float sat = max == 0 ? 0 : chroma / max;
        if (sat < 0.12f || max < 0.1f) {
            return 16 + (max < 0.25f ? 0 : max < 0.6f ? 1 : 2);
        }
        float hue = hue(r, g, b, max, chroma);
        int h = Math.min(7, (int) (hue / 6 * 8));
        return (sat < 0.4f ? 0 : 8) + h;
    }

    static float hue(float r, float g, float b, float max, float chroma) {
        float hue;
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
        return hue;
    }

    /**
     * Fine-detail energy: mean absolute Laplacian per 3x3 cell of the face crop, divided by the
     * crop's overall luma spread so lighting strength cancels. Glasses frames, scars, freckles and
     * beards add fine detail; pose and light change it little.
     */
    static float[] texture(float[] luma, boolean[] background) {
        float[] cells = new float[REGIONS * REGIONS];
        int[] counts = new int[REGIONS * REGIONS];
        double sum = 0, sum2 = 0;
        int n = 0;
        for (int y = 1; y < DETAIL - 1; y++) {
            for (int x = 1; x < DETAIL - 1; x++) {
                int i = y * DETAIL + x;
                if (background[i]) {
                    continue;
                }
                float lap = Math.abs(4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - DETAIL] - luma[i + DETAIL]);
                int c = Math.min(REGIONS - 1, y * REGIONS / DETAIL) * REGIONS + Math.min(REGIONS - 1, x * REGIONS / DETAIL);
                cells[c] += lap;
                counts[c]++;
                sum += luma[i];
                sum2 += luma[i] * luma[i];
                n++;
            }
        }
        double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, sum2 / n - (sum / n) * (sum / n)));
        for (int c = 0; c < cells.length; c++) {
            cells[c] = counts[c] == 0 || sd < 1e-3 ? 0 : (float) (cells[c] / counts[c] / sd);
        }
        return cells;
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
                    // Lighting scales brightness by up to ~3x between renders, so only coarse
                    // value classes survive: black-ish, grey, white-ish.
                    hist[HUES * 3 + (max < 0.25f ? 0 : max < 0.6f ? 1 : 2)] += w;
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
    static List<int[]> backdropSamples(int[] px) {
        List<int[]> samples = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
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
        return samples;
    }

    /** Marks pixels of the rectangle [x0,x1) x [y0,y1) that match a backdrop sample. */
    static boolean[] background(int[] px, int width, int height, int x0, int y0, int x1, int y1, List<int[]> samples) {
        boolean[] mask = new boolean[width * height];
        int limit = BACKGROUND_TOLERANCE * BACKGROUND_TOLERANCE;
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                int p = px[y * width + x];
                int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;
                for (int[] s : samples) {
                    int dr = r - s[0], dg = g - s[1], db = b - s[2];
                    if (dr * dr + dg * dg + db * db <= limit) {
                        mask[y * width + x] = true;
                        break;
                    }
                }
            }
        }
        return mask;
    }

    /**
     * Grows the mask by {@code r} pixels: the sitter's outline is antialiased into the backdrop, and
     * those blended pixels carry the backdrop's colour into the histograms unless they go too.
     */
    static boolean[] dilate(boolean[] mask, int width, int height, int r) {
        boolean[] out = mask.clone();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!mask[y * width + x]) {
                    continue;
                }
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                            out[ny * width + nx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The centre of the face region, where the face surely is: x 40%..60%, y 31%..50%. */
    static final int CENTRE_X0 = 26, CENTRE_X1 = 38, CENTRE_Y0 = 20, CENTRE_Y1 = 32;

    /** True when more than half of the face centre matches the backdrop's colours. */
    static boolean centreLooksLikeBackdrop(boolean[] background) {
        int masked = 0;
        for (int y = CENTRE_Y0; y < CENTRE_Y1; y++) {
            for (int x = CENTRE_X0; x < CENTRE_X1; x++) {
                if (background[y * FRAME + x]) {
                    masked++;
                }
            }
        }
        return masked * 2 > (CENTRE_X1 - CENTRE_X0) * (CENTRE_Y1 - CENTRE_Y0);
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
