package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MasksTest {
    @TempDir Path dir;

    private Path square(String name, int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = x >= w / 4 && x < w / 2 && y >= h / 4 && y < h / 2 ? 0xffffffff : 0xff000000;
        Path f = dir.resolve(name);
        Images.writePng(Images.fromPixels(px, w, h), f);
        return f;
    }

    /**
     * A feather radius from a hostile record (a pack's "feather": 2147483647) ends quickly: a window wider
     * than the image covers all of it, so the blur is each line's mean; before, the loop ran 2^32 times
     * per line and then overflowed into a negative index.
     */
    @Test void aHugeFeatherRadiusBlursToEachLinesMeanInLinearTime() {
        int w = 40, h = 30;
        float[] alpha = Masks.read(square("m.png", w, h)).alpha();
        float[] huge = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> Masks.feather(alpha, w, h, Integer.MAX_VALUE));
        float[] wide = Masks.feather(alpha, w, h, Math.max(w, h));
        assertArrayEquals(wide, huge, "a radius past the image's size is the whole line, whatever the number");
        double mean = 0;
        for (float a : alpha) mean += a;
        mean /= alpha.length;
        for (float a : huge) assertEquals(mean, a, 1e-5);
        // ordinary radii keep their exact bytes (a composite replays byte-identical)
        assertArrayEquals(Masks.feather(alpha, w, h, 3), Masks.feather(alpha, w, h, 3));
    }

    @Test void readsWhiteAsPatchAndBlackAsKept() {
        Masks.Mask m = Masks.read(square("m.png", 40, 40), 40, 40, "image x");
        assertEquals(1f, m.alpha()[15 * 40 + 15]);
        assertEquals(0f, m.alpha()[0]);
    }

    @Test void featheredPasteKeepsEveryPixelOutsideTheSoftEdgeExactly() {
        int w = 128, h = 128;
        Masks.Mask m = Masks.read(square("m.png", w, h), w, h, "image x");
        float[] soft = Masks.feather(m.alpha(), w, h, 3);
        assertTrue(soft[(h / 4) * w + w / 4] > 0 && soft[(h / 4) * w + w / 4] < 1, "the edge is soft");
        int[] red = new int[w * h], blue = new int[w * h];
        java.util.Arrays.fill(red, 0xffff0000);
        java.util.Arrays.fill(blue, 0xff0000ff);
        BufferedImage out = Masks.paste(Images.fromPixels(red, w, h), Images.fromPixels(blue, w, h), soft);
        int[] px = Images.pixels(out);
        assertEquals(0xffff0000, px[0], "far outside: the image's own pixel");
        assertEquals(0xffff0000, px[(h / 4 - 10) * w + w / 4], "outside the feather radius: unchanged");
        assertEquals(0xff0000ff, px[(3 * h / 8) * w + 3 * w / 8], "deep inside: the patch");
        for (int i = 0; i < px.length; i++) {
            if (soft[i] == 0) assertEquals(0xffff0000, px[i], "pixel " + i);
        }
    }

    @Test void aMissingMaskNamesTheFileAndTheFix() {
        ImagingException e = assertThrows(ImagingException.class, () -> Masks.read(dir.resolve("masks/eyes.png")));
        assertTrue(e.getMessage().contains("eyes.png does not exist") && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test void aJpegMaskIsRefusedAsNotPng() throws Exception {
        Path f = dir.resolve("eyes.jpg");
        assertTrue(javax.imageio.ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpg", f.toFile()));
        assertTrue(Files.size(f) > 0);
        ImagingException e = assertThrows(ImagingException.class, () -> Masks.read(f));
        assertTrue(e.getMessage().contains("is not a PNG (it is a JPEG)") && e.getMessage().contains("Fix: save the mask as a"), e.getMessage());
    }

    @Test void aMaskOfAnotherSizeOrAllBlackIsRefused() {
        ImagingException e = assertThrows(ImagingException.class, () -> Masks.read(square("m.png", 40, 40), 32, 48, "image abc"));
        assertTrue(e.getMessage().contains("is 40x40 but image abc is 32x48") && e.getMessage().contains("Fix: draw the mask at 32x48"), e.getMessage());
        Path black = dir.resolve("black.png");
        Images.writePng(Images.fromPixels(filled(16 * 16, 0xff000000), 16, 16), black);
        ImagingException b = assertThrows(ImagingException.class, () -> Masks.read(black, 16, 16, "image abc"));
        assertTrue(b.getMessage().contains("black all over"), b.getMessage());
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
