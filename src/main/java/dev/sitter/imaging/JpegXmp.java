package dev.sitter.imaging;

import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * XMP in JPEG files: an APP1 segment starting with {@code http://ns.adobe.com/xap/1.0/\0}.
 * Writing uses Commons Imaging's rewriter, which copies the entropy-coded image data untouched.
 */
public final class JpegXmp {
    static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    /** What fits in one APP1 segment: 65535 - 2 length bytes - the 29-byte identifier. */
    public static final int MAX_PACKET_BYTES = 65535 - 2 - XMP_ID.length;

    private JpegXmp() {}

    public static boolean isJpeg(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    /** Replaces any XMP packet with {@code xmp}. */
    public static byte[] write(byte[] jpeg, String xmp) throws ImageFormatException {
        if (!isJpeg(jpeg)) throw new ImageFormatException("not a JPEG file: it does not start with the JPEG SOI marker");
        if (xmp.getBytes(StandardCharsets.UTF_8).length > MAX_PACKET_BYTES) {
            throw new ImageFormatException("the XMP packet is larger than one JPEG APP1 segment can hold ("
                    + MAX_PACKET_BYTES + " bytes)");
        }
        readSegments(jpeg); // validate structure first: a clear error beats a rewriter exception
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + xmp.length() + 64);
        try {
            new JpegXmpRewriter().updateXmpXml(jpeg, out, xmp);
        } catch (ImagingException e) {
            throw new ImageFormatException("cannot add XMP to this JPEG: " + e.getMessage());
        } catch (IOException e) {
            throw new ImageFormatException("cannot add XMP to this JPEG: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /** The XMP packet, or null if there is none. */
    public static String read(byte[] jpeg) throws ImageFormatException {
        return readSegments(jpeg);
    }

    /** Width and height from the frame header (SOFn), or null when there is none before the scan. */
    public static int[] size(byte[] b) throws ImageFormatException {
        if (!isJpeg(b)) throw new ImageFormatException("not a JPEG file: it does not start with the JPEG SOI marker");
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xff) == 0xFF) {
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xFF) { pos++; continue; }
            if (marker == 0xD9 || marker == 0xDA) return null;
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) { pos += 2; continue; }
            int len = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && len >= 7 && pos + 9 <= b.length) {
                int h = ((b[pos + 5] & 0xff) << 8) | (b[pos + 6] & 0xff);
                int w = ((b[pos + 7] & 0xff) << 8) | (b[pos + 8] & 0xff);
                return new int[] {w, h};
            }
            pos += 2 + len;
        }
        return null;
    }

    /** Walks the marker segments up to SOS, checking lengths; returns the (first) XMP packet. */
    private static String readSegments(byte[] b) throws ImageFormatException {
        if (!isJpeg(b)) throw new ImageFormatException("not a JPEG file: it does not start with the JPEG SOI marker");
        int pos = 2;
        String xmp = null;
        while (pos < b.length) {
            if ((b[pos] & 0xff) != 0xFF) throw new ImageFormatException("JPEG is corrupt: expected a marker at offset " + pos);
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xFF) { pos++; continue; } // fill byte
            if (marker == 0xD9 || marker == 0xDA) return xmp; // EOI or start of scan: no more metadata
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) { pos += 2; continue; }
            if (pos + 4 > b.length) throw new ImageFormatException("JPEG is truncated at offset " + pos);
            int len = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            if (len < 2 || pos + 2 + len > b.length) {
                throw new ImageFormatException("JPEG segment at offset " + pos + " runs past the end of the file");
            }
            if (marker == 0xE1 && xmp == null && len - 2 >= XMP_ID.length
                    && java.util.Arrays.equals(b, pos + 4, pos + 4 + XMP_ID.length, XMP_ID, 0, XMP_ID.length)) {
                int start = pos + 4 + XMP_ID.length;
                xmp = new String(b, start, pos + 2 + len - start, StandardCharsets.UTF_8);
            }
            pos += 2 + len;
        }
        throw new ImageFormatException("JPEG is truncated: no image data (SOS) found");
    }
}
