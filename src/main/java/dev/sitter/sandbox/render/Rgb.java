package dev.sitter.sandbox.render;

/** Colour helpers on packed 0xRRGGBB ints. All maths is plain double, which Java evaluates strictly (IEEE 754) everywhere. */
public final class Rgb {
    private Rgb() {}

    public static int of(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    public static int ofDouble(double r, double g, double b) {
        return of((int) Math.floor(r + 0.5), (int) Math.floor(g + 0.5), (int) Math.floor(b + 0.5));
    }

    public static int r(int c) { return (c >> 16) & 0xff; }
    public static int g(int c) { return (c >> 8) & 0xff; }
    public static int b(int c) { return c & 0xff; }

    public static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    public static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Linear mix: t=0 gives a, t=1 gives b. */
    public static int mix(int a, int b, double t) {
        t = clamp01(t);
        return ofDouble(r(a) + (r(b) - r(a)) * t, g(a) + (g(b) - g(a)) * t, b(a) + (b(b) - b(a)) * t);
    }

    /** Multiplies brightness; factors above 1 brighten towards white-ish saturation. */
    public static int scale(int c, double f) {
        return ofDouble(r(c) * f, g(c) * f, b(c) * f);
    }

    public static double luma(int c) {
        return 0.299 * r(c) + 0.587 * g(c) + 0.114 * b(c);
    }

    public static int gray(int c) {
        int l = (int) Math.floor(luma(c) + 0.5);
        return of(l, l, l);
    }

    public static int parseHex(String hex) {
        return Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
    }

    public static String hex(int c) {
        return String.format("#%06x", c & 0xffffff);
    }

    /** HSV (h in degrees, s and v in 0..1) to packed RGB. */
    public static int hsv(double h, double s, double v) {
        h = ((h % 360) + 360) % 360;
        double c = v * s;
        double x = c * (1 - Math.abs((h / 60) % 2 - 1));
        double m = v - c;
        double r, g, b;
        if (h < 60) { r = c; g = x; b = 0; }
        else if (h < 120) { r = x; g = c; b = 0; }
        else if (h < 180) { r = 0; g = c; b = x; }
        else if (h < 240) { r = 0; g = x; b = c; }
        else if (h < 300) { r = x; g = 0; b = c; }
        else { r = c; g = 0; b = x; }
        return ofDouble((r + m) * 255, (g + m) * 255, (b + m) * 255);
    }

    /** Saturation change around the pixel's own grey: 0 = grey, 1 = unchanged, above 1 = more vivid. */
    public static int saturate(int c, double amount) {
        double l = luma(c);
        return ofDouble(l + (r(c) - l) * amount, l + (g(c) - l) * amount, l + (b(c) - l) * amount);
    }
}
