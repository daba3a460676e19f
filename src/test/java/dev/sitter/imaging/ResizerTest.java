package dev.sitter.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class ResizerTest {
    @Test
    void uniformColourStaysUniformWithEitherFilter() {
        BufferedImage src = TestImages.solid(37, 53, 0xff336699);
        for (Resizer.Filter f : Resizer.Filter.values()) {
            for (int[] size : new int[][]{{10, 13}, {37, 53}, {90, 101}}) {
                BufferedImage out = Resizer.resize(src, size[0], size[1], f);
                assertEquals(size[0], out.getWidth());
                assertEquals(size[1], out.getHeight());
                for (int p : Images.pixels(out)) {
                    assertEquals(0xff336699, p, f + " " + size[0] + "x" + size[1]);
                }
            }
        }
    }

    @Test
    void areaAverageOfFourPixelsIsTheirMean() {
        BufferedImage src = Images.fromPixels(new int[]{0xff000000, 0xffff0000, 0xff00ff00, 0xff0000ff}, 2, 2);
        int p = Images.pixels(Resizer.resize(src, 1, 1, Resizer.Filter.AREA))[0];
        assertEquals(0xff404040, p);
    }

    @Test
    void oddRatiosWeighPartialPixelsByCoverage() {
        // 3 source pixels into 2: output 0 covers pixel 0 fully and half of pixel 1.
        BufferedImage src = Images.fromPixels(new int[]{0xff000000, 0xff969696, 0xffffffff}, 3, 1);
        int[] out = Images.pixels(Resizer.resize(src, 2, 1, Resizer.Filter.AREA));
        assertEquals(50, out[0] & 0xff);            // (0*1 + 150*0.5) / 1.5
        assertEquals(220, out[1] & 0xff);           // (150*0.5 + 255*1) / 1.5
    }

    @Test
    void transparentPixelsDoNotBleedTheirColour() {
        BufferedImage src = Images.fromPixels(new int[]{0xffff0000, 0x0000ff00}, 2, 1);
        for (Resizer.Filter f : Resizer.Filter.values()) {
            int p = Images.pixels(Resizer.resize(src, 1, 1, f))[0];
            assertEquals(0xff0000, p & 0xffffff, f + ": colour must stay pure red");
            assertEquals(128, p >>> 24, 1, f + ": alpha is the mean");
        }
    }

    @Test
    void halvingACheckerboardGivesFlatGreyNotAliasing() {
        int[] px = new int[64 * 64];
        for (int i = 0; i < px.length; i++) {
            px[i] = ((i % 64 + i / 64) % 2 == 0) ? 0xff000000 : 0xffffffff;
        }
        BufferedImage src = Images.fromPixels(px, 64, 64);
        for (Resizer.Filter f : Resizer.Filter.values()) {
            for (int p : Images.pixels(Resizer.resize(src, 32, 32, f))) {
                assertEquals(128, p & 0xff, f == Resizer.Filter.AREA ? 1 : 6, f + " must average the checkerboard to grey");
            }
            // An odd ratio covers 4 or 5 of 9 black pixels: still near grey (nearest neighbour gives 0 or 255).
            for (int p : Images.pixels(Resizer.resize(src, 21, 21, f))) {
                assertEquals(128, p & 0xff, 30, f + " must low-pass the checkerboard");
            }
        }
    }

    @Test
    void resizingIsDeterministic() {
        BufferedImage src = TestImages.gradient(120, 90);
        assertArrayEquals(Images.pixels(Resizer.resize(src, 33, 17, Resizer.Filter.LANCZOS3)),
                Images.pixels(Resizer.resize(src, 33, 17, Resizer.Filter.LANCZOS3)));
    }

    @Test
    void fitKeepsTheAspectRatio() {
        BufferedImage out = Resizer.fit(TestImages.solid(512, 768, 0xff102030), 128, 128);
        assertEquals(85, out.getWidth());
        assertEquals(128, out.getHeight());
        BufferedImage up = Resizer.fit(TestImages.solid(10, 20, 0xff102030), 100, 100);
        assertEquals(50, up.getWidth());
        assertEquals(100, up.getHeight());
    }

    @Test
    void rejectsEmptyTargets() {
        assertThrows(IllegalArgumentException.class, () -> Resizer.resize(TestImages.solid(4, 4, 0), 0, 3, Resizer.Filter.AREA));
    }
}
