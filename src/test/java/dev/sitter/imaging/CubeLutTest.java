package dev.sitter.imaging;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class CubeLutTest {
    @Test
    void identityLutLeavesEveryPixelUnchangedIncludingAlpha() {
        for (int size : new int[]{2, 17, 33}) {
            CubeLut identity = CubeParser.parse(CubeWriter.write(CubeLut.identity(size)), "id.cube");
            BufferedImage src = TestImages.gradient(256, 256);
            assertArrayEquals(Images.pixels(src), Images.pixels(LutGrader.apply(identity, src)), "size " + size);
        }
        // every 8-bit level of every channel
        CubeLut identity = CubeLut.identity(17);
        float[] scratch = new float[3];
        for (int v = 0; v < 256; v++) {
            int argb = 0x80000000 | v << 16 | (255 - v) << 8 | (v * 7 & 0xff);
            assertEquals(argb, identity.mapArgb(argb, scratch));
        }
    }

    @Test
    void knownLutMapsKnownColours() {
        CubeLut invert = CubeParser.parse(CubeParserTest.INVERT, "invert.cube");
        float[] scratch = new float[3];
        // Trilinear interpolation reproduces a linear map exactly, between lattice points too.
        assertEquals(0xffffffff, invert.mapArgb(0xff000000, scratch));
        assertEquals(0x7f00ffff, invert.mapArgb(0x7fff0000, scratch));
        assertEquals(0xffbf7f3f, invert.mapArgb(0xff4080c0, scratch));
        assertEquals(0x007f7f7f, invert.mapArgb(0x00808080, scratch), "alpha 0 kept, colour still mapped");
    }

    @Test
    void interpolatesBetweenLatticePointsTrilinearly() {
        // out = (r*g, g, b): not linear, so the midpoint shows the interpolation: at (0.5,0.5,b)
        // the four corners give r*g in {0,0,0,1} -> trilinear 0.25 (the true value 0.25 too).
        CubeLut lut = CubeLut.sample("rg", 2, (r, g, b, out) -> {
            out[0] = r * g;
            out[1] = g;
            out[2] = b;
        });
        float[] out = new float[3];
        lut.map(0.5f, 0.5f, 0.3f, out);
        assertArrayEquals(new float[]{0.25f, 0.5f, 0.3f}, out, 1e-6f);
        lut.map(0.25f, 1f, 0f, out);
        assertEquals(0.25f, out[0], 1e-6f);
    }

    @Test
    void inputsOutsideTheDomainAreClampedToItsEdge() {
        String text = CubeParserTest.INVERT.replace("DOMAIN_MAX 1.0 1.0 1.0", "DOMAIN_MAX 0.5 0.5 0.5");
        CubeLut half = CubeParser.parse(text, "half.cube");
        float[] out = new float[3];
        half.map(0.9f, 0.25f, 0f, out);
        assertArrayEquals(new float[]{0f, 0.5f, 1f}, out, 1e-6f);
    }

    @Test
    void shippedLooksFollowTheirFormulaClosely() {
        // 17^3 sampling is enough: on average the interpolated output is well within one 8-bit
        // level of the formula; the worst case (about 4 levels) sits at saturated corners where the
        // formula clips at 0 or 1 and the lattice cannot follow the kink.
        Random random = new Random(7);
        float[] viaTable = new float[3];
        float[] exact = new float[3];
        for (CubeLut look : new CubeLut[]{LutLooks.tealOrange(), LutLooks.warmFilm()}) {
            CubeLut fine = CubeLut.sample("fine", 129, look.title().contains("teal") ? LutLooks.TEAL_ORANGE : LutLooks.WARM_FILM);
            double sum = 0;
            double max = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                float r = random.nextFloat(), g = random.nextFloat(), b = random.nextFloat();
                look.map(r, g, b, viaTable);
                fine.map(r, g, b, exact);
                for (int c = 0; c < 3; c++) {
                    double err = Math.abs(exact[c] - viaTable[c]) * 255;
                    sum += err;
                    max = Math.max(max, err);
                }
            }
            assertTrue(sum / (3 * n) < 0.5, look.title() + " mean error " + sum / (3 * n));
            assertTrue(max < 5, look.title() + " max error " + max);
        }
    }

    @Test
    void tealOrangeCoolsShadowsAndWarmsHighlights() {
        float[] out = new float[3];
        CubeLut look = LutLooks.tealOrange();
        look.map(0.15f, 0.15f, 0.15f, out);
        assertTrue(out[2] > out[0], "dark grey turns teal (blue above red)");
        look.map(0.8f, 0.8f, 0.8f, out);
        assertTrue(out[0] > out[2], "light grey turns orange (red above blue)");
    }
}
