package dev.sitter.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pack archive so that the same files always give the same bytes: {@code pack.json}
 * first, then every other entry sorted by name; one fixed timestamp; no extra fields, comments,
 * folder entries or Unix modes; images stored (they are compressed already), text deflated at a
 * fixed level.
 */
public final class DeterministicZip {
    /** The timestamp of every entry: the zip epoch, so nothing about the export time leaks in. */
    public static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 0);

    private DeterministicZip() {}

    public static void write(Map<String, byte[]> files, OutputStream out) throws IOException {
        write(files.keySet(), files::get, out);
    }

    /** Writes {@code paths}, reading each file's bytes only when it is written. */
    public static void write(java.util.Collection<String> paths, java.util.function.Function<String, byte[]> read,
                             OutputStream out) throws IOException {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(paths);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            if (sorted.remove(PackManifest.FILE)) put(zip, PackManifest.FILE, read.apply(PackManifest.FILE));
            for (String p : sorted) put(zip, p, read.apply(p));
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        PackPaths.require(name, "pack file");
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(FIXED_TIME);
        if (isCompressed(name)) {
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            e.setCrc(crc.getValue());
        } else {
            e.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    static boolean isCompressed(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp");
    }
}
