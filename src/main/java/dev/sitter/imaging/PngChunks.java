package dev.sitter.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Reads and splices PNG chunks as raw bytes, so metadata can be added without decoding or
 * re-encoding a single pixel: the IDAT chunks of the output are byte-for-byte those of the input.
 */
public final class PngChunks {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngChunks() {}

    /**
     * One chunk as found in the file.
     *
     * @param type   four-letter chunk type
     * @param data   the chunk's data (without length, type and CRC)
     * @param offset where the chunk (its length field) starts in the file, or -1 for a new chunk
     */
    public record Chunk(String type, byte[] data, long offset) {
        public static Chunk of(String type, byte[] data) { return new Chunk(type, data, -1); }

        /** The chunk as it appears in a file: length, type, data, CRC. */
        public byte[] encode() {
            byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
            byte[] out = new byte[12 + data.length];
            putInt(out, 0, data.length);
            System.arraycopy(t, 0, out, 4, 4);
            System.arraycopy(data, 0, out, 8, data.length);
            putInt(out, 8 + data.length, (int) crc(t, data));
            return out;
        }
    }

    public static boolean isPng(byte[] bytes) {
        return bytes.length >= 8 && Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8);
    }

    /**
     * Parses every chunk, checking the signature, each length and each CRC, that IHDR comes first
     * and that IEND ends the file.
     */
    public static List<Chunk> read(byte[] png) throws ImageFormatException {
        if (!isPng(png)) throw new ImageFormatException("not a PNG file: the first 8 bytes are not the PNG signature");
        List<Chunk> chunks = new ArrayList<>();
        int pos = 8;
        while (pos < png.length) {
            if (png.length - pos < 12) {
                throw new ImageFormatException("PNG is truncated: " + (png.length - pos) + " stray bytes at offset " + pos);
            }
            long len = getInt(png, pos) & 0xffffffffL;
            if (len > png.length - pos - 12L) {
                throw new ImageFormatException("PNG is truncated: chunk at offset " + pos + " claims " + len
                        + " bytes but only " + (png.length - pos - 12) + " remain");
            }
            byte[] typeBytes = Arrays.copyOfRange(png, pos + 4, pos + 8);
            for (byte b : typeBytes) {
                if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) {
                    throw new ImageFormatException("PNG chunk at offset " + pos + " has an invalid type (file is corrupt)");
                }
            }
            String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
            byte[] data = Arrays.copyOfRange(png, pos + 8, pos + 8 + (int) len);
            long stored = getInt(png, pos + 8 + (int) len) & 0xffffffffL;
            if (stored != crc(typeBytes, data)) {
                throw new ImageFormatException("PNG chunk '" + type + "' at offset " + pos + " has a bad CRC (file is corrupt)");
            }
            if (chunks.isEmpty() && !type.equals("IHDR")) {
                throw new ImageFormatException("PNG does not start with an IHDR chunk (found '" + type + "')");
            }
            chunks.add(new Chunk(type, data, pos));
            pos += 12 + (int) len;
            if (type.equals("IEND")) break;
        }
        if (chunks.isEmpty() || !chunks.get(chunks.size() - 1).type().equals("IEND")) {
            throw new ImageFormatException("PNG is truncated: no IEND chunk");
        }
        if (pos != png.length) {
            throw new ImageFormatException("PNG has " + (png.length - pos) + " bytes after IEND");
        }
        return chunks;
    }

    /**
     * Copies the PNG, dropping the chunks {@code drop} selects and inserting {@code insert} right
     * after IHDR. Every kept chunk is copied as the original bytes, CRC included.
     */
    public static byte[] splice(byte[] png, Predicate<Chunk> drop, List<Chunk> insert) throws ImageFormatException {
        List<Chunk> chunks = read(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 4096);
        out.write(SIGNATURE, 0, 8);
        for (Chunk c : chunks) {
            if (drop.test(c) && !c.type().equals("IHDR") && !c.type().equals("IEND")) continue;
            out.write(png, (int) c.offset(), 12 + c.data().length);
            if (c.type().equals("IHDR")) {
                for (Chunk n : insert) {
                    byte[] e = n.encode();
                    out.write(e, 0, e.length);
                }
            }
        }
        return out.toByteArray();
    }

    /** The concatenated IDAT payload: the compressed pixels, for checking they were not touched. */
    public static byte[] pixelData(byte[] png) throws ImageFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Chunk c : read(png)) if (c.type().equals("IDAT")) out.write(c.data(), 0, c.data().length);
        return out.toByteArray();
    }

    /** Width and height from IHDR. */
    public static int[] size(byte[] png) throws ImageFormatException {
        Chunk ihdr = read(png).get(0);
        if (ihdr.data().length != 13) throw new ImageFormatException("PNG IHDR chunk has the wrong length");
        return new int[] {getInt(ihdr.data(), 0), getInt(ihdr.data(), 4)};
    }

    static long crc(byte[] type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        return crc.getValue();
    }

    static int getInt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24); b[p + 1] = (byte) (v >>> 16); b[p + 2] = (byte) (v >>> 8); b[p + 3] = (byte) v;
    }
}
