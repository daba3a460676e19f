package dev.sitter.sandbox.render;

/**
 * A plain ARGB pixel buffer with coverage-based compositing. Pixel (x, y) is sampled at its
 * centre (x + 0.5, y + 0.5); shapes report a coverage in [0, 1], which gives antialiased edges
 * computed by our own arithmetic rather than a platform rasterizer.
 */
public final class Raster {
    public final int width;
    public final int height;
    public final int[] argb;

    public Raster(int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("raster size must be positive: " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.argb = new int[width * height];
    }

    public int get(int x, int y) {
        return argb[y * width + x];
    }

    public void set(int x, int y, int c) {
        argb[y * width + x] = c;
    }

    /** Fills every pixel from a paint (opaque). */
    public void fillAll(Paint paint) {
        for (int y = 0; y < height; y++) {
            double py = y + 0.5;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                argb[row + x] = 0xff000000 | (paint.rgb(x + 0.5, py) & 0xffffff);
            }
        }
    }

    public void fill(Shape shape, Paint paint) {
        fill(shape, paint, 1.0);
    }

    /** Composites {@code paint} over the raster where {@code shape} covers it, scaled by {@code opacity}. */
    public void fill(Shape shape, Paint paint, double opacity) {
        Bounds b = shape.bounds();
        int x0 = Math.max(0, (int) Math.floor(b.x0()) - 1);
        int y0 = Math.max(0, (int) Math.floor(b.y0()) - 1);
        int x1 = Math.min(width - 1, (int) Math.ceil(b.x1()) + 1);
        int y1 = Math.min(height - 1, (int) Math.ceil(b.y1()) + 1);
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5;
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5;
                double a = shape.coverage(px, py) * opacity;
                if (a <= 0) continue;
                int src = paint.rgb(px, py);
                int i = row + x;
                argb[i] = a >= 1 ? (0xff000000 | (src & 0xffffff)) : blend(argb[i], src, a);
            }
        }
    }

    static int blend(int dst, int src, double a) {
        int r = (int) Math.floor(Rgb.r(dst) + (Rgb.r(src) - Rgb.r(dst)) * a + 0.5);
        int g = (int) Math.floor(Rgb.g(dst) + (Rgb.g(src) - Rgb.g(dst)) * a + 0.5);
        int bl = (int) Math.floor(Rgb.b(dst) + (Rgb.b(src) - Rgb.b(dst)) * a + 0.5);
        return (dst & 0xff000000) | (Rgb.clamp(r) << 16) | (Rgb.clamp(g) << 8) | Rgb.clamp(bl);
    }

    public Raster copy() {
        Raster r = new Raster(width, height);
        System.arraycopy(argb, 0, r.argb, 0, argb.length);
        return r;
    }

    /** True when some pixel is not fully opaque. */
    public boolean hasAlpha() {
        for (int c : argb) if ((c >>> 24) != 0xff) return true;
        return false;
    }
}
