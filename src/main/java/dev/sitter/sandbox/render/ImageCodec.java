package dev.sitter.sandbox.render;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading pictures back: decoding uploaded PNG/JPEG to pixels (ImageIO is fine for decoding; the
 * sandbox never uses it to draw) and reading PNG tEXt chunks, where sandbox renders carry their
 * identity so they can serve as anchors.
 */
public final class ImageCodec {
    public static final String IDENTITY_KEY = "sitter-identity";

    private ImageCodec() {}

    /** The pixels, or null when the bytes are not an image ImageIO can read (e.g. WebP). */
    public static Raster decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) return null;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) return null;
            Raster r = new Raster(img.getWidth(), img.getHeight());
            // The same values as img.getRGB, read straight from the decoded bytes (getRGB's per-pixel colour-model
            // calls were most of the time an upscale or an image-to-image job spent decoding its source).
            int[] px = dev.sitter.imaging.Images.pixels(img);
            System.arraycopy(px, 0, r.argb, 0, px.length);
            return r;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** tEXt chunks of a PNG, in file order; empty for anything else or a damaged file. */
    public static Map<String, String> pngText(byte[] b) {
        Map<String, String> out = new LinkedHashMap<>();
        if (b == null || b.length < 8 || (b[0] & 0xff) != 137 || b[1] != 'P' || b[2] != 'N' || b[3] != 'G') return out;
        int p = 8;
        while (p + 8 <= b.length) {
            int len = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (len < 0 || p + 12 + (long) len > b.length) break;
            String type = new String(b, p + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("tEXt")) {
                int start = p + 8, end = start + len, z = start;
                while (z < end && b[z] != 0) z++;
                if (z < end) {
                    out.put(new String(b, start, z - start, StandardCharsets.ISO_8859_1),
                            new String(b, z + 1, end - z - 1, StandardCharsets.ISO_8859_1));
                }
            }
            if (type.equals("IEND")) break;
            p += 12 + len;
        }
        return out;
    }

    /** The identity a sandbox render was made with, or null when the image is not one. */
    public static Identity identityOf(byte[] png) {
        String s = pngText(png).get(IDENTITY_KEY);
        return s == null ? null : Identity.decode(s);
    }
}
