package dev.sitter.pack;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads an untrusted pack archive with one strict parser of our own, so what we check is exactly
 * what we later read (no second parser to disagree with; research 2.4/2.5).
 *
 * <p>Opening the archive validates its whole structure before any entry is inflated: the end
 * record (no trailing data, no multi-disk, no Zip64), the central directory (count and size exact),
 * every name (strict UTF-8, then {@link PackPaths}), duplicates (exact and case-folded, and a file
 * that is also a folder), entry types from Unix modes (symlinks, FIFOs, devices refused), methods
 * (stored and deflate only, no encryption), declared sizes and ratios against {@link ZipLimits},
 * and every local header against its central record. Entries must tile the file from offset 0 to
 * the central directory with no gap or overlap: that refuses prepended junk, hidden data and
 * overlapping-entry bombs. Reading an entry then counts the bytes actually inflated, checks them
 * against the declared size and CRC, and stops at the caps whatever the headers said.
 */
public final class SafeZipReader implements Closeable {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int EOCD_LEN = 22;
    private static final int CEN_LEN = 46;
    private static final int LOC_LEN = 30;
    private static final int MAX_CENTRAL_DIRECTORY = 32 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ZipLimits limits;
    private final List<ZipEntryInfo> entries;
    private final Map<String, ZipEntryInfo> byName = new HashMap<>();
    private long inflatedTotal;

    private SafeZipReader(Path file, FileChannel channel, ZipLimits limits) throws IOException {
        this.file = file;
        this.channel = channel;
        this.limits = limits;
        this.entries = scan();
        for (ZipEntryInfo e : entries) byName.put(e.name(), e);
    }

    /** Opens and validates {@code zip}; throws {@link PackException} naming the problem. */
    public static SafeZipReader open(Path zip, ZipLimits limits) {
        if (Files.isSymbolicLink(zip)) {
            // Reading through a link is fine; we only say what we read.
            zip = zip.toAbsolutePath();
        }
        if (!Files.isRegularFile(zip)) {
            throw new PackException(zip + " is not a file. Give the path of a pack .zip.");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(zip, StandardOpenOption.READ);
            return new SafeZipReader(zip, ch, limits);
        } catch (NoSuchFileException e) {
            throw new PackException(zip + " does not exist.");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new PackException("cannot read " + zip + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    public List<ZipEntryInfo> entries() {
        return entries;
    }

    /** The entry called {@code name}, or null. */
    public ZipEntryInfo entry(String name) {
        return byName.get(name);
    }

    public Path file() {
        return file;
    }

    /**
     * A stream of the entry's uncompressed bytes that fails (with {@link PackException}) as soon as
     * it produces more than the declared size or the caps allow, and at the end unless size and
     * CRC match the central directory.
     */
    public InputStream open(ZipEntryInfo e) {
        return new EntryStream(e);
    }

    /** All of a small entry, refusing anything over {@code cap} bytes. */
    public byte[] readAll(ZipEntryInfo e, int cap) {
        if (e.size() > cap) throw bad(e.name(), "is " + e.size() + " bytes; the limit for this file is " + cap);
        try (InputStream in = open(e)) {
            return in.readAllBytes();
        } catch (IOException x) {
            throw bad(e.name(), "cannot be read: " + x.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    // ------------------------------------------------------------------ structure

    private List<ZipEntryInfo> scan() throws IOException {
        long size = channel.size();
        if (size > limits.maxArchiveBytes()) {
            throw corrupt("is " + size + " bytes; the limit is " + limits.maxArchiveBytes());
        }
        if (size < EOCD_LEN) throw corrupt("is too short to be a zip archive (truncated or not a zip)");
        long eocd = findEndRecord(size);
        ByteBuffer end = read(eocd, EOCD_LEN);
        int disk = u16(end, 4), cdDisk = u16(end, 6), onDisk = u16(end, 8), total = u16(end, 10);
        long cdSize = u32(end, 12), cdOffset = u32(end, 16);
        if (eocd >= 20 && read(eocd - 20, 4).getInt(0) == ZIP64_LOCATOR_SIG
                || total == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw corrupt("is a Zip64 archive; packs must be plain zip (under 65,535 files and 4 GiB)");
        }
        if (disk != 0 || cdDisk != 0 || onDisk != total) throw corrupt("is a multi-volume archive; packs are one file");
        if (total > limits.maxEntries()) {
            throw corrupt("has " + total + " entries; the limit is " + limits.maxEntries());
        }
        if (cdOffset + cdSize != eocd) {
            throw corrupt("has a central directory that does not end where the end record starts (truncated, or data hidden between them)");
        }
        if (cdSize > MAX_CENTRAL_DIRECTORY) throw corrupt("has a central directory of " + cdSize + " bytes; too large");
        ByteBuffer cd = read(cdOffset, (int) cdSize);

        List<long[]> spans = new ArrayList<>(); // {localHeaderOffset, dataEnd, hasDescriptor}
        List<ZipEntryInfo> list = new ArrayList<>(total);
        Set<String> exact = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        long declaredTotal = 0;
        int pos = 0;
        for (int i = 0; i < total; i++) {
            if (pos + CEN_LEN > cdSize || cd.getInt(pos) != CEN_SIG) {
                throw corrupt("has a damaged central directory at entry " + (i + 1) + " (truncated or corrupt)");
            }
            int madeBy = u16(cd, pos + 4), flags = u16(cd, pos + 8), method = u16(cd, pos + 10);
            long crc = u32(cd, pos + 16), csize = u32(cd, pos + 20), usize = u32(cd, pos + 24);
            int nameLen = u16(cd, pos + 28), extraLen = u16(cd, pos + 30), commentLen = u16(cd, pos + 32);
            int startDisk = u16(cd, pos + 34);
            long external = u32(cd, pos + 38), lho = u32(cd, pos + 42);
            if (pos + CEN_LEN + nameLen + extraLen + commentLen > cdSize) {
                throw corrupt("has a damaged central directory at entry " + (i + 1) + " (lengths run past its end)");
            }
            byte[] rawName = new byte[nameLen];
            cd.get(pos + CEN_LEN, rawName);
            pos += CEN_LEN + nameLen + extraLen + commentLen;

            String name = decodeName(rawName, i + 1);
            boolean dir = name.endsWith("/");
            String path = dir ? name.substring(0, name.length() - 1) : name;
            String problem = PackPaths.problem(path);
            if (problem != null) throw bad(name, "has an unsafe name: " + problem);
            if (startDisk != 0) throw bad(name, "claims to start on another volume");
            if ((flags & 0x0001) != 0 || (flags & 0x0040) != 0 || (flags & 0x2000) != 0) {
                throw bad(name, "is encrypted; packs are never encrypted");
            }
            if (method != 0 && method != 8) {
                throw bad(name, "uses compression method " + method + " (" + methodName(method)
                        + "); packs use only stored (0) or deflate (8)");
            }
            if (csize == 0xFFFFFFFFL || usize == 0xFFFFFFFFL || lho == 0xFFFFFFFFL) {
                throw bad(name, "has Zip64 sizes; packs must be plain zip");
            }
            checkType(name, madeBy, external, dir);
            if (dir && usize != 0) throw bad(name, "is a folder entry with content");
            if (method == 0 && csize != usize) throw bad(name, "is stored uncompressed but its two sizes differ");
            if (usize > limits.maxEntryBytes()) {
                throw bad(name, "declares " + usize + " bytes; the limit per file is " + limits.maxEntryBytes());
            }
            declaredTotal += usize;
            if (declaredTotal > limits.maxTotalBytes()) {
                throw corrupt("declares more than " + limits.maxTotalBytes() + " bytes in total (zip bomb?)");
            }
            if (usize > limits.ratioGraceBytes() && usize > limits.maxRatio() * Math.max(1, csize)) {
                throw bad(name, "would expand " + (usize / Math.max(1, csize)) + "x (" + csize + " -> " + usize
                        + " bytes); more than " + limits.maxRatio() + "x is treated as a zip bomb");
            }
            if (!exact.add(path)) throw bad(name, "appears twice in the archive (duplicate entry or a file that is also a folder)");
            String key = path.toLowerCase(Locale.ROOT);
            String other = folded.putIfAbsent(key, path);
            if (other != null) throw bad(name, "differs from '" + other + "' only by letter case; both cannot exist on every disk");

            long[] loc = checkLocalHeader(name, rawName, lho, flags, method, crc, csize, usize);
            spans.add(new long[] {lho, loc[0] + csize, (flags & 0x0008) != 0 ? 1 : 0});
            list.add(new ZipEntryInfo(name, method, crc, csize, usize, loc[0]));
        }
        if (pos != cdSize) throw corrupt("has " + (cdSize - pos) + " unexplained bytes in its central directory");
        checkFilesAreNotFolders(list);
        checkTiling(spans, cdOffset);
        return List.copyOf(list);
    }

    private long findEndRecord(long size) throws IOException {
        int window = (int) Math.min(size, EOCD_LEN + 0xFFFF);
        ByteBuffer tail = read(size - window, window);
        for (int p = window - EOCD_LEN; p >= 0; p--) {
            if (tail.getInt(p) == EOCD_SIG) {
                int commentLen = u16(tail, p + 20);
                if (p + EOCD_LEN + commentLen == window) return size - window + p;
                throw corrupt("has " + (window - p - EOCD_LEN - commentLen) + " unexplained bytes after its end record");
            }
        }
        throw corrupt("has no zip end record (truncated, or not a zip file)");
    }

    private String decodeName(byte[] raw, int index) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt("entry " + index + " has a name that is not valid UTF-8 (bytes "
                    + hexPrefix(raw) + "); rename the file with plain letters and digits");
        }
    }

    private void checkType(String name, int madeBy, long external, boolean dir) {
        int host = madeBy >>> 8;
        if (host != 3 && host != 19) return; // only Unix and macOS hosts store a Unix mode
        int mode = (int) (external >>> 16);
        int type = mode & 0170000;
        if (type == 0120000) throw bad(name, "is a symbolic link; packs contain only regular files");
        if (type != 0 && type != 0100000 && type != 0040000) {
            throw bad(name, "is a special file (Unix type " + Integer.toOctalString(type) + "); packs contain only regular files");
        }
        if (type == 0040000 && !dir) throw bad(name, "is marked as a folder but named as a file");
    }

    private long[] checkLocalHeader(String name, byte[] rawName, long lho, int flags, int method,
                                    long crc, long csize, long usize) throws IOException {
        if (lho + LOC_LEN > channel.size()) throw bad(name, "points past the end of the file (truncated archive)");
        ByteBuffer loc = read(lho, LOC_LEN);
        if (loc.getInt(0) != LOC_SIG) throw bad(name, "has no local header where the directory says (corrupt archive)");
        int lflags = u16(loc, 6), lmethod = u16(loc, 8);
        long lcrc = u32(loc, 14), lcsize = u32(loc, 18), lusize = u32(loc, 22);
        int nameLen = u16(loc, 26), extraLen = u16(loc, 28);
        byte[] lname = read(lho + LOC_LEN, nameLen).array();
        if (!Arrays.equals(lname, rawName)) {
            throw bad(name, "has a different name in its local header ('" + PackPaths.printable(new String(lname, StandardCharsets.UTF_8))
                    + "'); archives whose two directories disagree are refused");
        }
        if (lmethod != method || (lflags & 0x0001) != (flags & 0x0001)) {
            throw bad(name, "has a local header that disagrees with the central directory (method or encryption)");
        }
        if ((lflags & 0x0008) == 0 && (lcrc != crc || lcsize != csize || lusize != usize)) {
            throw bad(name, "has a local header that disagrees with the central directory (sizes or CRC)");
        }
        long dataOffset = lho + LOC_LEN + nameLen + extraLen;
        if (dataOffset + csize > channel.size()) throw bad(name, "runs past the end of the file (truncated archive)");
        return new long[] {dataOffset};
    }

    private void checkFilesAreNotFolders(List<ZipEntryInfo> list) {
        Set<String> files = new HashSet<>();
        for (ZipEntryInfo e : list) if (!e.isDirectory()) files.add(e.name().toLowerCase(Locale.ROOT));
        for (ZipEntryInfo e : list) {
            String p = e.name().toLowerCase(Locale.ROOT);
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                if (files.contains(p.substring(0, slash))) {
                    throw bad(e.name(), "lives under '" + e.name().substring(0, slash) + "', which is a file in the same archive");
                }
            }
        }
    }

    /** Entries must cover [0, central directory) exactly, in order, with at most a data descriptor between them. */
    private void checkTiling(List<long[]> spans, long cdOffset) {
        spans.sort(Comparator.comparingLong(s -> s[0]));
        long expected = 0;
        for (long[] s : spans) {
            long gap = s[0] - expected;
            boolean descriptorBefore = expected > 0 && gap >= 12 && gap <= 16 && previousHadDescriptor(spans, s);
            if (gap < 0) throw corrupt("has entries whose data overlap (an overlapping-entry zip bomb?)");
            if (gap > 0 && !descriptorBefore) {
                throw corrupt(expected == 0
                        ? "has " + gap + " bytes of data before its first entry (a self-extractor or polyglot file?)"
                        : "has " + gap + " unexplained bytes between entries");
            }
            expected = s[1];
        }
        long gap = cdOffset - expected;
        boolean lastDescriptor = !spans.isEmpty() && spans.get(spans.size() - 1)[2] == 1;
        if (gap < 0) throw corrupt("has entry data overlapping its central directory");
        if (gap > 0 && !(lastDescriptor && gap >= 12 && gap <= 16)) {
            throw corrupt("has " + gap + " unexplained bytes before its central directory");
        }
    }

    private static boolean previousHadDescriptor(List<long[]> sorted, long[] current) {
        int i = sorted.indexOf(current);
        return i > 0 && sorted.get(i - 1)[2] == 1;
    }

    // ------------------------------------------------------------------ reading data

    /** Inflates (or copies) one entry from its byte range, with every cap enforced on real output. */
    private final class EntryStream extends InputStream {
        private final ZipEntryInfo e;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private long readPos, remaining, produced;
        private boolean dummyFed, done;

        EntryStream(ZipEntryInfo e) {
            this.e = e;
            this.inflater = e.method() == 8 ? new Inflater(true) : null;
            this.readPos = e.dataOffset();
            this.remaining = e.compressedSize();
            in.limit(0);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            produced += n;
            inflatedTotal += n;
            if (produced > e.size()) {
                throw bad(e.name(), "inflates past its declared size of " + e.size() + " bytes (lying header or zip bomb)");
            }
            if (inflatedTotal > limits.maxTotalBytes()) {
                throw corrupt("inflates to more than " + limits.maxTotalBytes() + " bytes in total (zip bomb?)");
            }
            crc.update(b, off, n);
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) return -1;
            int want = (int) Math.min(len, remaining);
            ByteBuffer dst = ByteBuffer.wrap(b, off, want);
            int n = channel.read(dst, readPos);
            if (n <= 0) throw bad(e.name(), "ends early (truncated archive)");
            readPos += n;
            remaining -= n;
            return n;
        }

        private int readDeflated(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) return n;
                    if (inflater.finished()) return -1;
                    if (inflater.needsDictionary()) throw bad(e.name(), "needs a preset dictionary; not supported");
                    if (inflater.needsInput()) {
                        if (remaining > 0) {
                            in.clear();
                            in.limit((int) Math.min(in.capacity(), remaining));
                            int r = channel.read(in, readPos);
                            if (r <= 0) throw bad(e.name(), "ends early (truncated archive)");
                            readPos += r;
                            remaining -= r;
                            inflater.setInput(in.array(), 0, r);
                        } else if (!dummyFed) {
                            dummyFed = true; // raw inflate may want one byte past the stream
                            inflater.setInput(new byte[1], 0, 1);
                        } else {
                            throw bad(e.name(), "has compressed data that ends early (truncated or corrupt)");
                        }
                    }
                }
            } catch (DataFormatException x) {
                throw bad(e.name(), "has corrupt compressed data (" + x.getMessage() + ")");
            }
        }

        private void finish() {
            done = true;
            if (produced != e.size()) {
                throw bad(e.name(), "holds " + produced + " bytes but declares " + e.size() + " (corrupt or lying header)");
            }
            if (crc.getValue() != e.crc()) throw bad(e.name(), "fails its CRC check (corrupt archive)");
        }

        @Override
        public void close() {
            done = true;
            if (inflater != null) inflater.end();
        }
    }

    // ------------------------------------------------------------------ helpers

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position());
            if (n < 0) throw corrupt("ends early (truncated archive)");
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int u16(ByteBuffer b, int at) {
        return b.order(ByteOrder.LITTLE_ENDIAN).getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.order(ByteOrder.LITTLE_ENDIAN).getInt(at) & 0xffffffffL;
    }

    private PackException corrupt(String what) {
        return new PackException("pack archive " + file.getFileName() + " " + what + ". Nothing was imported.");
    }

    private PackException bad(String entry, String what) {
        return new PackException("pack archive " + file.getFileName() + ": entry '" + PackPaths.printable(entry) + "' "
                + what + ". Nothing was imported.");
    }

    private static String methodName(int m) {
        return switch (m) {
            case 9 -> "Deflate64";
            case 12 -> "bzip2";
            case 14 -> "LZMA";
            case 93 -> "Zstandard";
            case 95 -> "XZ";
            case 99 -> "AES encryption";
            default -> "unknown";
        };
    }

    private static String hexPrefix(byte[] raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(raw.length, 16); i++) b.append(String.format("%02x", raw[i]));
        return b + (raw.length > 16 ? "..." : "");
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) c.close();
        } catch (IOException ignored) {
            // nothing useful to add to the error already being reported
        }
    }

}
