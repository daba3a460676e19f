package dev.sitter.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * JPEG renditions of images (web and print exports, where PNG is too big). Unlike metadata
 * embedding this encodes pixels: the result is a new file, not the recorded one. JPEG has no alpha,
 * so transparent pixels are composited over a background colour (white by default) rather than
 * silently turned black, which is what ImageIO does with an ARGB image. Provenance is embedded by
 * the library's metadata classes ({@code Library.exportJpeg}).
 */
public final class JpegExport {
    /** Quality used for web exports unless the user picks another. */
    public static final int DEFAULT_QUALITY = 92;

    private JpegExport() {}

    /**
     * Encodes {@code image} (PNG or JPEG bytes) as a baseline JPEG at {@code quality} (0.0-1.0],
     * alpha flattened onto white. The library's export path uses this form.
     */
    public static byte[] encode(byte[] image, float quality) throws ImageFormatException {
        if (!(quality > 0f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1]: " + quality);
        }
        BufferedImage pixels;
        try {
            pixels = Images.decode(image, "the image to export");
        } catch (ImagingException e) {
            throw new ImageFormatException("cannot decode the image to export it: " + e.getMessage());
        }
        try {
            return encodeAt(pixels, quality, 0xffffff);
        } catch (ImagingException e) {
            throw new ImageFormatException("cannot encode the JPEG: " + e.getMessage());
        }
    }

    /** JPEG bytes at {@code quality} 1..100, transparent areas over white. */
    public static byte[] encode(BufferedImage image, int quality) {
        return encode(image, quality, 0xffffff);
    }

    /** JPEG bytes at {@code quality} 1..100, transparent areas over {@code backgroundRgb}. */
    public static byte[] encode(BufferedImage image, int quality, int backgroundRgb) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality " + quality + " is outside 1..100. Fix: use e.g. quality: 92 for web, 100 for print.");
        }
        return encodeAt(image, quality / 100f, backgroundRgb);
    }

    private static byte[] encodeAt(BufferedImage image, float quality, int backgroundRgb) {
        BufferedImage rgb = flatten(image, backgroundRgb);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new ImagingException("no JPEG writer available in this Java runtime. Fix: use a full JDK 17+.");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new ImagingException("cannot encode JPEG: " + Images.describe(e), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Writes a JPEG crash-safely (temporary file, then move). */
    public static void write(BufferedImage image, Path file, int quality) {
        Images.writeAtomically(file, encode(image, quality));
    }

    /** Opaque RGB copy: each pixel blended over the background by its alpha. */
    static BufferedImage flatten(BufferedImage image, int backgroundRgb) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Images.pixels(image);
        int br = (backgroundRgb >> 16) & 0xff, bg = (backgroundRgb >> 8) & 0xff, bb = backgroundRgb & 0xff;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a == 255) {
                continue;
            }
            int r = blend((p >> 16) & 0xff, br, a);
            int g = blend((p >> 8) & 0xff, bg, a);
            int b = blend(p & 0xff, bb, a);
            px[i] = r << 16 | g << 8 | b;
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, w, h, px, 0, w);
        return rgb;
    }

    private static int blend(int colour, int background, int alpha) {
        return (colour * alpha + background * (255 - alpha) + 127) / 255;
    }
}
