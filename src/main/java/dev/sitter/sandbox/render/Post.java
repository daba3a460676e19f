package dev.sitter.sandbox.render;

/** Whole-image passes that give each style its finish: grade, grain, ink lines, brush texture, monochrome. */
final class Post {
    private Post() {}

    static void apply(Raster r, Look look, long seed) {
        switch (look.kind()) {
            case ANIME -> inkLines(r);
            case PAINTERLY -> brushTexture(r, seed);
            default -> { }
        }
        grade(r, look, seed);
    }

    /** Colour grade, saturation, style-reference tint, then the style's own finish. */
    static void grade(Raster r, Look look, long seed) {
        double warm = look.warmth();
        double sat = look.saturation() * (look.kind() == Look.Kind.ANIME ? 1.2 : 1);
        boolean noir = look.kind() == Look.Kind.NOIR;
        boolean grain = look.kind() == Look.Kind.PHOTOREAL || noir;
        long salt = SplitMix64.derive(seed, "grain");
        double cxm = r.width / 2.0, cym = r.height / 2.0, maxD = cxm * cxm + cym * cym;
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                int i = y * r.width + x;
                int c = r.argb[i];
                int a = c & 0xff000000;
                if (warm != 0) c = Rgb.of(Rgb.r(c) + (int) (warm * 14), Rgb.g(c), Rgb.b(c) - (int) (warm * 14));
                if (sat != 1) c = Rgb.saturate(c, sat);
                if (look.tint() >= 0 && look.tintWeight() > 0) {
                    // a Style Reference pulls the palette: multiply-blend towards the reference's mean colour
                    int t = look.tint();
                    int mult = Rgb.ofDouble(Rgb.r(c) * (0.45 + Rgb.r(t) / 255.0 * 0.9), Rgb.g(c) * (0.45 + Rgb.g(t) / 255.0 * 0.9),
                            Rgb.b(c) * (0.45 + Rgb.b(t) / 255.0 * 0.9));
                    c = Rgb.mix(c, mult, look.tintWeight());
                }
                if (noir) {
                    double l = Rgb.luma(c) / 255.0;
                    l = l * l * (3 - 2 * l); // S-curve: hard contrast
                    int g = (int) Math.floor(l * 255 + 0.5);
                    c = Rgb.of(g, g, g);
                }
                double dx = x + 0.5 - cxm, dy = y + 0.5 - cym;
                double vig = 1 - (noir ? 0.55 : 0.22) * ((dx * dx + dy * dy) / maxD);
                c = Rgb.scale(c, vig);
                if (grain) {
                    // film grain in 2x2 clumps: visible texture, less noise for the PNG to carry
                    int n = (int) Math.floor((SplitMix64.noise(x >> 1, y >> 1, salt) - 0.5) * (noir ? 14 : 6));
                    c = Rgb.of(Rgb.r(c) + n, Rgb.g(c) + n, Rgb.b(c) + n);
                }
                r.argb[i] = a | (c & 0xffffff);
            }
        }
    }

    /** Dark lines where brightness changes sharply: the inked outline of cel animation. */
    static void inkLines(Raster r) {
        int w = r.width, h = r.height;
        double[] l = new double[w * h];
        for (int i = 0; i < l.length; i++) l[i] = Rgb.luma(r.argb[i]);
        double threshold = 38;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double gx = l[i + 1] - l[i - 1] + 0.5 * (l[i - w + 1] - l[i - w - 1] + l[i + w + 1] - l[i + w - 1]);
                double gy = l[i + w] - l[i - w] + 0.5 * (l[i + w - 1] - l[i - w - 1] + l[i + w + 1] - l[i - w + 1]);
                double g = Math.sqrt(gx * gx + gy * gy);
                if (g > threshold) {
                    double a = Math.min(1, (g - threshold) / 60);
                    r.argb[i] = Raster.blend(r.argb[i], 0x24181c, a * 0.85);
                }
            }
        }
    }

    /** Short directional strokes: each pixel takes its colour from a jittered neighbour shared by its stroke cell. */
    static void brushTexture(Raster r, long seed) {
        int w = r.width, h = r.height;
        int[] src = r.argb.clone();
        double scale = Math.max(1, Math.min(w, h) / 256.0);
        double len = 7 * scale, wid = 2.5 * scale;
        double ang = 0.6 + new SplitMix64(SplitMix64.derive(seed, "brush")).range(-0.3, 0.3);
        double ca = StrictMath.cos(ang), sa = StrictMath.sin(ang);
        long salt = SplitMix64.derive(seed, "strokes");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x * ca + y * sa) / len, v = (-x * sa + y * ca) / wid;
                int cu = (int) Math.floor(u), cv = (int) Math.floor(v);
                double n1 = SplitMix64.noise(cu, cv, salt), n2 = SplitMix64.noise(cu, cv, salt ^ 0x55);
                int sx = Math.min(w - 1, Math.max(0, x + (int) Math.floor((n1 - 0.5) * 3 * scale)));
                int sy = Math.min(h - 1, Math.max(0, y + (int) Math.floor((n2 - 0.5) * 3 * scale)));
                int c = src[sy * w + sx];
                double shade = 0.94 + 0.12 * SplitMix64.noise(cu, cv, salt ^ 0xAA);
                r.argb[y * w + x] = (c & 0xff000000) | (Rgb.scale(c, shade) & 0xffffff);
            }
        }
    }
}
