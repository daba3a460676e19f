package dev.sitter.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

class ImagesTest {
    @TempDir
    Path dir;

    @Test
    void pngRoundTripKeepsEveryPixelIncludingAlpha() {
        BufferedImage src = TestImages.gradient(31, 17);
        Path file = dir.resolve("a/b/out.png");
        Images.writePng(src, file);
        assertArrayEquals(Images.pixels(src), Images.pixels(Images.read(file)));
        assertArrayEquals(Images.pngBytes(src), Images.pngBytes(Images.read(file)), "PNG encoding is deterministic");
    }

    /** The direct byte path of toArgb/pixels/fromPixels gives exactly what the colour model's getRGB gives. */
    @Test
    void directPixelAccessMatchesGetRgbForEveryLayoutImageIoDecodesTo() throws Exception {
        java.util.Random random = new java.util.Random(7);
        int w = 37, h = 23;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) argb[i] = random.nextInt();
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_INT_ARGB};
        for (int type : types) {
            BufferedImage img = new BufferedImage(w, h, type);
            img.setRGB(0, 0, w, h, argb, 0, w);
            int[] expected = img.getRGB(0, 0, w, h, null, 0, w);
            assertArrayEquals(expected, Images.pixels(img), "type " + type);
            assertArrayEquals(expected, Images.toArgb(img).getRGB(0, 0, w, h, null, 0, w), "type " + type);
            // and what ImageIO decodes the PNG of that image to (RGB, RGBA or grey PNGs)
            BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Images.pngBytes(img)));
            assertArrayEquals(decoded.getRGB(0, 0, w, h, null, 0, w), Images.pixels(Images.decode(Images.pngBytes(img), "x")), "png of type " + type);
        }
        assertArrayEquals(argb, Images.fromPixels(argb, w, h).getRGB(0, 0, w, h, null, 0, w));
        BufferedImage sub = Images.fromPixels(argb, w, h).getSubimage(3, 4, 10, 9); // shares its parent's array: the general path
        assertArrayEquals(sub.getRGB(0, 0, 10, 9, null, 0, 10), Images.pixels(sub));
    }

    @Test
    void notAnImageNamesTheFileAndTheFix() throws Exception {
        Path file = dir.resolve("record.json");
        Files.writeString(file, "{\"id\": 1}");
        ImagingException e = assertThrows(ImagingException.class, () -> Images.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a PNG"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void truncatedPngIsReportedAsDamaged() {
        byte[] png = Images.pngBytes(TestImages.gradient(64, 64));
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        ImagingException e = assertThrows(ImagingException.class, () -> Images.decode(cut, "cut.png"));
        assertTrue(e.getMessage().contains("cut.png") && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void hugeClaimedDimensionsAreRefusedBeforeDecoding() {
        byte[] png = Images.pngBytes(TestImages.solid(2, 2, 0xff000000));
        // IHDR data starts at byte 16: width, height (big-endian), then CRC over type+data at 29.
        ByteBuffer buf = ByteBuffer.wrap(png);
        buf.putInt(16, 60000).putInt(20, 60000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buf.putInt(29, (int) crc.getValue());
        ImagingException e = assertThrows(ImagingException.class, () -> Images.decode(png, "bomb.png"));
        assertTrue(e.getMessage().contains("60000x60000"), e.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        ImagingException e = assertThrows(ImagingException.class, () -> Images.read(dir.resolve("nope.png")));
        assertTrue(e.getMessage().contains("nope.png") && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x", StandardCharsets.UTF_8);
        assertThrows(ImagingException.class, () -> Images.writePng(TestImages.solid(2, 2, 0), blocker.resolve("sub/out.png")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
