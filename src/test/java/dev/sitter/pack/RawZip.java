package dev.sitter.pack;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte so tests can build the hostile ones no well-behaved writer
 * produces: lying sizes, symlink modes, duplicate names, mismatched headers, junk around the
 * archive. Every field a test may want to corrupt is an overridable property of {@link Entry}.
 */
final class RawZip {
    static final class Entry {
        byte[] name;
        byte[] localName;      // null: same as name
        byte[] data = new byte[0];
        int method = 8;
        int flags = 0x0800;    // UTF-8 names
        int madeBy = 20;       // 0x14 = MS-DOS host, spec 2.0
        long external = 0;
        Long cdCrc, cdCsize, cdUsize; // null: computed
        Long localCsize;      // null: as central
        Long lhoOverride;
        int localMethod = -1;

        Entry(String name, byte[] data) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.data = data;
        }

        Entry stored() { method = 0; return this; }

        Entry unixMode(int mode) { madeBy = (3 << 8) | 20; external = ((long) mode) << 16; return this; }
    }

    final List<Entry> entries = new ArrayList<>();
    byte[] prefix = new byte[0];
    byte[] suffix = new byte[0];
    byte[] comment = new byte[0];
    Integer totalOverride;

    Entry add(String name, byte[] data) {
        Entry e = new Entry(name, data);
        entries.add(e);
        return e;
    }

    Entry entry(String name) {
        for (Entry e : entries) if (new String(e.name, StandardCharsets.UTF_8).equals(name)) return e;
        throw new IllegalArgumentException(name);
    }

    Entry add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        List<long[]> offsets = new ArrayList<>();
        List<byte[]> compressedAll = new ArrayList<>();
        for (Entry e : entries) {
            byte[] comp = e.method == 8 ? deflate(e.data) : e.data;
            compressedAll.add(comp);
            CRC32 crc = new CRC32();
            crc.update(e.data);
            long lho = out.size();
            offsets.add(new long[] {lho, crc.getValue(), comp.length});
            byte[] lname = e.localName == null ? e.name : e.localName;
            ByteBuffer h = le(30);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) e.flags)
                    .putShort((short) (e.localMethod >= 0 ? e.localMethod : e.method)).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) (e.cdCrc != null ? e.cdCrc : crc.getValue()))
                    .putInt((int) (long) (e.localCsize != null ? e.localCsize : e.cdCsize != null ? e.cdCsize : comp.length))
                    .putInt((int) (long) (e.cdUsize != null ? e.cdUsize : e.data.length))
                    .putShort((short) lname.length).putShort((short) 0);
            out.writeBytes(h.array());
            out.writeBytes(lname);
            out.writeBytes(comp);
        }
        long cdStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long[] o = offsets.get(i);
            ByteBuffer h = le(46);
            h.putInt(0x02014b50).putShort((short) e.madeBy).putShort((short) 20).putShort((short) e.flags)
                    .putShort((short) e.method).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) (e.cdCrc != null ? e.cdCrc : o[1]))
                    .putInt((int) (long) (e.cdCsize != null ? e.cdCsize : o[2]))
                    .putInt((int) (long) (e.cdUsize != null ? e.cdUsize : e.data.length))
                    .putShort((short) e.name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt((int) e.external)
                    .putInt((int) (long) (e.lhoOverride != null ? e.lhoOverride : o[0]));
            out.writeBytes(h.array());
            out.writeBytes(e.name);
        }
        long cdSize = out.size() - cdStart;
        int total = totalOverride != null ? totalOverride : entries.size();
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) total).putShort((short) total)
                .putInt((int) cdSize).putInt((int) cdStart).putShort((short) comment.length);
        out.writeBytes(end.array());
        out.writeBytes(comment);
        out.writeBytes(suffix);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
