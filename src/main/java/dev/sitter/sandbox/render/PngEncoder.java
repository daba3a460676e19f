package dev.sitter.sandbox.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG writer: IHDR, optional tEXt chunks (in the order given), one IDAT compressed with a
 * fixed Deflater level and fixed row filter, IEND. No timestamps or platform-dependent chunks, so
 * the same pixels give the same file bytes.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    /** Level 4: about 4x faster than 6 on grainy portraits for ~8% larger files. */
    private static final int LEVEL = 4;

    private PngEncoder() {}

    /** RGB when every pixel is opaque, RGBA otherwise. */
    public static byte[] encode(Raster r, Map<String, String> text) {
        boolean alpha = r.hasAlpha();
        int channels = alpha ? 4 : 3;
        int stride = r.width * channels;
        byte[] raw = new byte[(stride + 1) * r.height];
        byte[] prev = new byte[stride];
        byte[] cur = new byte[stride];
        int o = 0;
        for (int y = 0; y < r.height; y++) {
            int row = y * r.width;
            for (int x = 0, i = 0; x < r.width; x++) {
                int c = r.argb[row + x];
                cur[i++] = (byte) (c >> 16);
                cur[i++] = (byte) (c >> 8);
                cur[i++] = (byte) c;
                if (alpha) cur[i++] = (byte) (c >>> 24);
            }
            // Filter 2 ("Up") on every row: cheap, deterministic, and good on smooth gradients.
            raw[o++] = 2;
            for (int i = 0; i < stride; i++) raw[o++] = (byte) (cur[i] - prev[i]);
            byte[] t = prev; prev = cur; cur = t;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 1024);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, r.width);
        putInt(ihdr, 4, r.height);
        ihdr[8] = 8;
        ihdr[9] = (byte) (alpha ? 6 : 2);
        chunk(out, "IHDR", ihdr);
        if (text != null) {
            for (Map.Entry<String, String> e : text.entrySet()) {
                byte[] k = e.getKey().getBytes(StandardCharsets.ISO_8859_1);
                byte[] v = e.getValue().getBytes(StandardCharsets.ISO_8859_1);
                byte[] data = new byte[k.length + 1 + v.length];
                System.arraycopy(k, 0, data, 0, k.length);
                System.arraycopy(v, 0, data, k.length + 1, v.length);
                chunk(out, "tEXt", data);
            }
        }
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(LEVEL);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
            byte[] buf = new byte[65536];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
