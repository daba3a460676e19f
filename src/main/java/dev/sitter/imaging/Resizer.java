package dev.sitter.imaging;

import java.awt.image.BufferedImage;

/**
 * High-quality resampling for thumbnails, exports and feature extraction.
 *
 * <p>Two filters: {@link Filter#AREA} averages exactly the source area each output pixel covers
 * (the right filter for big reductions: no aliasing, no ringing, fast), and {@link Filter#LANCZOS3}
 * (sharper, slight ringing; used for enlargements and mild reductions). Both work separably on
 * premultiplied alpha so transparent pixels never bleed their colour into edges. All arithmetic is
 * Java float/double, so results are bit-identical on every JVM.
 */
public final class Resizer {
    public enum Filter { AREA, LANCZOS3 }

    private Resizer() {}

    /** Resizes to exactly {@code width x height} with the given filter. */
    public static BufferedImage resize(BufferedImage source, int width, int height, Filter filter) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size " + width + "x" + height + " must be at least 1x1");
        }
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[] argb = Images.pixels(source);
        float[] premultiplied = premultiply(argb);
        Weights horizontal = Weights.of(sw, width, filter);
        Weights vertical = Weights.of(sh, height, filter);
        float[] wide = horizontalPass(premultiplied, sw, sh, horizontal);
        float[] done = verticalPass(wide, width, sh, height, vertical);
        return Images.fromPixels(unpremultiply(done), width, height);
    }

    /**
     * Scales to fit inside {@code maxWidth x maxHeight}, keeping the aspect ratio: area average when
     * shrinking, Lanczos-3 when enlarging. Never returns an empty image.
     */
    public static BufferedImage fit(BufferedImage source, int maxWidth, int maxHeight) {
        double scale = Math.min((double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight());
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        if (w == source.getWidth() && h == source.getHeight()) {
            return Images.toArgb(source);
        }
        return resize(source, w, h, scale < 1 ? Filter.AREA : Filter.LANCZOS3);
    }

    private static float[] premultiply(int[] argb) {
        float[] out = new float[argb.length * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            float a = (p >>> 24) / 255f;
            out[i * 4] = p >>> 24;
            out[i * 4 + 1] = ((p >> 16) & 0xff) * a;
            out[i * 4 + 2] = ((p >> 8) & 0xff) * a;
            out[i * 4 + 3] = (p & 0xff) * a;
        }
        return out;
    }

    private static int[] unpremultiply(float[] channels) {
        int[] out = new int[channels.length / 4];
        for (int i = 0; i < out.length; i++) {
            int a = clamp(channels[i * 4]);
            if (a == 0) {
                out[i] = 0;
                continue;
            }
            float inv = 255f / channels[i * 4];
            int r = clamp(channels[i * 4 + 1] * inv);
            int g = clamp(channels[i * 4 + 2] * inv);
            int b = clamp(channels[i * 4 + 3] * inv);
            out[i] = a << 24 | r << 16 | g << 8 | b;
        }
        return out;
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    private static float[] horizontalPass(float[] src, int sw, int sh, Weights weights) {
        int dw = weights.first.length;
        float[] out = new float[dw * sh * 4];
        for (int y = 0; y < sh; y++) {
            int rowIn = y * sw * 4;
            int rowOut = y * dw * 4;
            for (int x = 0; x < dw; x++) {
                float a = 0, r = 0, g = 0, b = 0;
                int start = weights.first[x];
                float[] w = weights.values[x];
                for (int k = 0; k < w.length; k++) {
                    int i = rowIn + (start + k) * 4;
                    a += src[i] * w[k];
                    r += src[i + 1] * w[k];
                    g += src[i + 2] * w[k];
                    b += src[i + 3] * w[k];
                }
                int o = rowOut + x * 4;
                out[o] = a;
                out[o + 1] = r;
                out[o + 2] = g;
                out[o + 3] = b;
            }
        }
        return out;
    }

    private static float[] verticalPass(float[] src, int width, int sh, int dh, Weights weights) {
        float[] out = new float[width * dh * 4];
        int stride = width * 4;
        for (int y = 0; y < dh; y++) {
            int start = weights.first[y];
            float[] w = weights.values[y];
            int rowOut = y * stride;
            for (int k = 0; k < w.length; k++) {
                int rowIn = (start + k) * stride;
                float wk = w[k];
                for (int i = 0; i < stride; i++) {
                    out[rowOut + i] += src[rowIn + i] * wk;
                }
            }
        }
        return out;
    }

    /** Per output pixel: the first source pixel it reads and the normalised weights from there on. */
    private record Weights(int[] first, float[][] values) {
        static Weights of(int sourceSize, int targetSize, Filter filter) {
            int[] first = new int[targetSize];
            float[][] values = new float[targetSize][];
            double scale = (double) sourceSize / targetSize;
            for (int i = 0; i < targetSize; i++) {
                if (filter == Filter.AREA && scale >= 1) {
                    area(i, scale, sourceSize, first, values);
                } else {
                    // Area averaging an enlargement is nearest-neighbour; use Lanczos instead.
                    lanczos(i, scale, sourceSize, first, values);
                }
            }
            return new Weights(first, values);
        }

        /** Exact coverage of [i*scale, (i+1)*scale) by each source pixel. */
        private static void area(int i, double scale, int sourceSize, int[] first, float[][] values) {
            double lo = i * scale;
            double hi = Math.min(sourceSize, (i + 1) * scale);
            int from = (int) Math.floor(lo);
            int to = Math.min(sourceSize - 1, (int) Math.ceil(hi) - 1);
            float[] w = new float[to - from + 1];
            double total = 0;
            for (int j = from; j <= to; j++) {
                double cover = Math.min(hi, j + 1) - Math.max(lo, j);
                w[j - from] = (float) Math.max(0, cover);
                total += w[j - from];
            }
            normalise(w, total);
            first[i] = from;
            values[i] = w;
        }

        private static void lanczos(int i, double scale, int sourceSize, int[] first, float[][] values) {
            double stretch = Math.max(1, scale); // widen the kernel when shrinking so it also low-passes
            double centre = (i + 0.5) * scale - 0.5;
            double support = 3 * stretch;
            int from = Math.max(0, (int) Math.floor(centre - support));
            int to = Math.min(sourceSize - 1, (int) Math.ceil(centre + support));
            float[] w = new float[to - from + 1];
            double total = 0;
            for (int j = from; j <= to; j++) {
                double v = lanczos3((j - centre) / stretch);
                w[j - from] = (float) v;
                total += v;
            }
            normalise(w, total);
            first[i] = from;
            values[i] = w;
        }

        private static double lanczos3(double x) {
            if (x == 0) {
                return 1;
            }
            if (x <= -3 || x >= 3) {
                return 0;
            }
            double px = Math.PI * x;
            return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
        }

        private static void normalise(float[] w, double total) {
            if (total == 0) {
                w[0] = 1;
                return;
            }
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (w[k] / total);
            }
        }
    }
}
