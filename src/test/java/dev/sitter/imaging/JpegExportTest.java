package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class JpegExportTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsColoursCloseAtHighQuality() {
        BufferedImage src = TestImages.solid(32, 32, 0xff4080c0);
        Path file = dir.resolve("out.jpg");
        JpegExport.write(src, file, 95);
        int p = Images.pixels(Images.read(file))[32 * 16 + 16];
        assertEquals(0x40, (p >> 16) & 0xff, 3);
        assertEquals(0x80, (p >> 8) & 0xff, 3);
        assertEquals(0xc0, p & 0xff, 3);
    }

    @Test
    void transparentAreasBecomeWhiteNotBlack() {
        BufferedImage src = TestImages.solid(16, 16, 0x00000000);
        int p = Images.pixels(Images.decode(JpegExport.encode(src, 90), "t.jpg"))[8 * 16 + 8];
        assertTrue((p & 0xff) > 250 && ((p >> 8) & 0xff) > 250, Integer.toHexString(p));
    }

    @Test
    void higherQualityCostsMoreBytes() {
        BufferedImage src = TestImages.gradient(128, 128);
        assertTrue(JpegExport.encode(src, 40).length < JpegExport.encode(src, 98).length);
    }

    @Test
    void qualityOutsideRangeIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JpegExport.encode(TestImages.solid(2, 2, 0), 0));
        assertTrue(e.getMessage().contains("1..100"), e.getMessage());
    }

    @Test
    void encodedBytesFormDecodesAndReportsBadInputAsFormatError() throws Exception {
        byte[] png = Images.pngBytes(TestImages.solid(8, 8, 0x00000000));
        int p = Images.pixels(Images.decode(JpegExport.encode(png, 0.9f), "x.jpg"))[0];
        assertTrue((p & 0xff) > 250, "alpha flattened onto white");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> JpegExport.encode("nope".getBytes(), 0.9f));
        assertTrue(e.getMessage().startsWith("cannot decode the image to export it"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JpegExport.encode(png, 0f));
    }
}
