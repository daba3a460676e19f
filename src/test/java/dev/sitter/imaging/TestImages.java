package dev.sitter.imaging;

import java.awt.image.BufferedImage;

/** Small synthetic images for tests. */
final class TestImages {
    private TestImages() {}

    static BufferedImage solid(int w, int h, int argb) {
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, argb);
        return Images.fromPixels(px, w, h);
    }

    /** A smooth gradient with every channel varying, so colour mappings are exercised across the range. */
    static BufferedImage gradient(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = x * 255 / Math.max(1, w - 1);
                int g = y * 255 / Math.max(1, h - 1);
                int b = (x + y) * 255 / Math.max(1, w + h - 2);
                int a = 255 - (x * 7 + y * 3) % 256;
                px[y * w + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return Images.fromPixels(px, w, h);
    }
}
