package dev.sitter.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Building and reading the PNG text chunks: tEXt (Latin-1), zTXt (deflated Latin-1) and iTXt (UTF-8). */
public final class PngText {
    private PngText() {}

    /** A tEXt chunk; the caller must check {@link #isLatin1} first. */
    public static PngChunks.Chunk tEXt(String keyword, String text) {
        checkKeyword(keyword);
        if (!isLatin1(text)) throw new IllegalArgumentException("tEXt text must be Latin-1; use iTXt");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
        b.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return PngChunks.Chunk.of("tEXt", b.toByteArray());
    }

    /** An uncompressed iTXt chunk (UTF-8 text, no language tag), readable by every PNG tool. */
    public static PngChunks.Chunk iTXt(String keyword, String text) {
        checkKeyword(keyword);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        b.write(0);
        b.write(0); // compression flag: uncompressed
        b.write(0); // compression method
        b.write(0); // empty language tag
        b.write(0); // empty translated keyword
        b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return PngChunks.Chunk.of("iTXt", b.toByteArray());
    }

    /** tEXt when the text is Latin-1, else iTXt: what Pillow (and so AUTOMATIC1111) does. */
    public static PngChunks.Chunk textOrItxt(String keyword, String text) {
        return isLatin1(text) ? tEXt(keyword, text) : iTXt(keyword, text);
    }

    public static boolean isLatin1(String s) {
        CharsetEncoder enc = StandardCharsets.ISO_8859_1.newEncoder();
        return enc.canEncode(s);
    }

    /** The keyword of a text chunk, or null if the chunk is not a text chunk or is malformed. */
    public static String keyword(PngChunks.Chunk c) {
        if (!isText(c)) return null;
        int z = indexOf(c.data(), 0);
        return z <= 0 ? null : new String(c.data(), 0, z, StandardCharsets.ISO_8859_1);
    }

    static boolean isText(PngChunks.Chunk c) {
        return c.type().equals("tEXt") || c.type().equals("zTXt") || c.type().equals("iTXt");
    }

    /** Every text chunk as keyword to text, in file order (a later duplicate keyword wins). */
    public static Map<String, String> all(List<PngChunks.Chunk> chunks) throws ImageFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        for (PngChunks.Chunk c : chunks) {
            if (!isText(c)) continue;
            String k = keyword(c);
            if (k == null) throw new ImageFormatException("PNG " + c.type() + " chunk at offset " + c.offset() + " has no keyword");
            out.put(k, text(c));
        }
        return out;
    }

    /** The decoded text of a tEXt, zTXt or iTXt chunk. */
    public static String text(PngChunks.Chunk c) throws ImageFormatException {
        byte[] d = c.data();
        int z = indexOf(d, 0);
        if (z < 0) throw new ImageFormatException("PNG " + c.type() + " chunk has no keyword terminator");
        switch (c.type()) {
            case "tEXt":
                return new String(d, z + 1, d.length - z - 1, StandardCharsets.ISO_8859_1);
            case "zTXt":
                return new String(inflate(Arrays.copyOfRange(d, z + 2, d.length)), StandardCharsets.ISO_8859_1);
            case "iTXt": {
                if (d.length < z + 3) throw new ImageFormatException("PNG iTXt chunk is truncated");
                boolean compressed = d[z + 1] != 0;
                int lang = indexOf(d, z + 3);
                int trans = lang < 0 ? -1 : indexOf(d, lang + 1);
                if (trans < 0) throw new ImageFormatException("PNG iTXt chunk is truncated");
                byte[] body = Arrays.copyOfRange(d, trans + 1, d.length);
                return new String(compressed ? inflate(body) : body, StandardCharsets.UTF_8);
            }
            default:
                throw new IllegalArgumentException("not a text chunk: " + c.type());
        }
    }

    private static byte[] inflate(byte[] in) throws ImageFormatException {
        Inflater inf = new Inflater();
        inf.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ImageFormatException("PNG compressed text chunk is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > 64 << 20) throw new ImageFormatException("PNG compressed text chunk inflates past 64 MiB");
            }
        } catch (DataFormatException e) {
            throw new ImageFormatException("PNG compressed text chunk is corrupt: " + e.getMessage());
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    private static void checkKeyword(String k) {
        if (k.isEmpty() || k.length() > 79 || !isLatin1(k) || k.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PNG text keyword must be 1-79 Latin-1 characters: " + k);
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == 0) return i;
        return -1;
    }
}
