package dev.sitter.imaging;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A JPEG rendition of an image (for sharing where PNG is too big). Unlike embedding, this does
 * encode pixels: it is a new file, not the recorded one. Alpha is flattened onto white.
 */
public final class JpegExport {
    private JpegExport() {}

    /** Encodes {@code image} (PNG or JPEG bytes) as a baseline JPEG at {@code quality} (0.0-1.0). */
    public static byte[] encode(byte[] image, float quality) throws ImageFormatException {
        if (!(quality > 0f && quality <= 1f)) throw new IllegalArgumentException("JPEG quality must be in (0, 1]: " + quality);
        BufferedImage src;
        try {
            src = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new ImageFormatException("cannot decode the image to export it: " + e.getMessage());
        }
        if (src == null) throw new ImageFormatException("cannot decode the image to export it: unknown format");
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(rgb, null, null), p);
        } catch (IOException e) {
            throw new ImageFormatException("cannot encode the JPEG: " + e.getMessage());
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
