package dev.sitter.sandbox.render;

/**
 * Unsharp masking: each pixel pushed away from the mean of its 3x3 neighbourhood. The sandbox's
 * ultra upscaler uses it so that "ultra" and its detail contrast are visible in the pixels (as
 * Leonardo's ultra mode adds detail), and a replay with another mode or setting differs.
 */
public final class Sharpen {
    private Sharpen() {}

    /** A sharpened copy; {@code amount} 0 changes nothing, 1 doubles the local contrast. Alpha is kept. */
    public static Raster unsharp(Raster src, double amount) {
        int w = src.width, h = src.height;
        Raster out = new Raster(w, h);
        int[] in = src.argb;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sr = 0, sg = 0, sb = 0, n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(h - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int c = in[yy * w + Math.min(w - 1, Math.max(0, x + dx))];
                        sr += Rgb.r(c);
                        sg += Rgb.g(c);
                        sb += Rgb.b(c);
                        n++;
                    }
                }
                int c = in[y * w + x];
                int r = Rgb.clamp((int) Math.round(Rgb.r(c) + amount * (Rgb.r(c) - sr / (double) n)));
                int g = Rgb.clamp((int) Math.round(Rgb.g(c) + amount * (Rgb.g(c) - sg / (double) n)));
                int b = Rgb.clamp((int) Math.round(Rgb.b(c) + amount * (Rgb.b(c) - sb / (double) n)));
                out.argb[y * w + x] = (c & 0xff000000) | (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }
}
