package dev.sitter.sandbox.render;

/** Resizing with a Catmull-Rom bicubic kernel in plain double arithmetic (alpha included). */
public final class Resample {
    private Resample() {}

    public static Raster resize(Raster src, int w, int h) {
        if (src.width == w && src.height == h) return src.copy();
        // separable: horizontal pass into a double buffer, then vertical
        int sw = src.width, sh = src.height;
        double[] tmp = new double[w * sh * 4];
        double sx = (double) sw / w;
        for (int x = 0; x < w; x++) {
            double fx = (x + 0.5) * sx - 0.5;
            int ix = (int) Math.floor(fx);
            double t = fx - ix;
            double[] k = weights(t);
            for (int y = 0; y < sh; y++) {
                double a = 0, r = 0, g = 0, b = 0;
                for (int j = 0; j < 4; j++) {
                    int xx = Math.min(sw - 1, Math.max(0, ix - 1 + j));
                    int c = src.argb[y * sw + xx];
                    a += k[j] * (c >>> 24);
                    r += k[j] * ((c >> 16) & 0xff);
                    g += k[j] * ((c >> 8) & 0xff);
                    b += k[j] * (c & 0xff);
                }
                int o = (y * w + x) * 4;
                tmp[o] = a; tmp[o + 1] = r; tmp[o + 2] = g; tmp[o + 3] = b;
            }
        }
        Raster out = new Raster(w, h);
        double sy = (double) sh / h;
        for (int y = 0; y < h; y++) {
            double fy = (y + 0.5) * sy - 0.5;
            int iy = (int) Math.floor(fy);
            double[] k = weights(fy - iy);
            for (int x = 0; x < w; x++) {
                double a = 0, r = 0, g = 0, b = 0;
                for (int j = 0; j < 4; j++) {
                    int yy = Math.min(sh - 1, Math.max(0, iy - 1 + j));
                    int o = (yy * w + x) * 4;
                    a += k[j] * tmp[o]; r += k[j] * tmp[o + 1]; g += k[j] * tmp[o + 2]; b += k[j] * tmp[o + 3];
                }
                out.argb[y * w + x] = (clamp(a) << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        return out;
    }

    private static double[] weights(double t) {
        double t2 = t * t, t3 = t2 * t;
        return new double[] {
                -0.5 * t3 + t2 - 0.5 * t,
                1.5 * t3 - 2.5 * t2 + 1,
                -1.5 * t3 + 2 * t2 + 0.5 * t,
                0.5 * t3 - 0.5 * t2};
    }

    private static int clamp(double v) {
        int i = (int) Math.floor(v + 0.5);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    /** Per-pixel mix: result = a*(1-t) + b*t (both rasters the same size), alpha from a. */
    public static Raster blend(Raster a, Raster b, double t) {
        Raster out = new Raster(a.width, a.height);
        for (int i = 0; i < out.argb.length; i++) {
            out.argb[i] = (a.argb[i] & 0xff000000) | (Rgb.mix(a.argb[i], b.argb[i], t) & 0xffffff);
        }
        return out;
    }

    /** Mean colour of a region (fractions of the size), for sampling skin, hair and palette from a picture. */
    public static int mean(Raster r, double fx0, double fy0, double fx1, double fy1) {
        int x0 = (int) (fx0 * r.width), x1 = Math.max(x0 + 1, (int) (fx1 * r.width));
        int y0 = (int) (fy0 * r.height), y1 = Math.max(y0 + 1, (int) (fy1 * r.height));
        long sr = 0, sg = 0, sb = 0, n = 0;
        for (int y = y0; y < Math.min(y1, r.height); y++) {
            for (int x = x0; x < Math.min(x1, r.width); x++) {
                int c = r.argb[y * r.width + x];
                sr += (c >> 16) & 0xff; sg += (c >> 8) & 0xff; sb += c & 0xff; n++;
            }
        }
        if (n == 0) return 0x808080;
        return Rgb.of((int) (sr / n), (int) (sg / n), (int) (sb / n));
    }
}
