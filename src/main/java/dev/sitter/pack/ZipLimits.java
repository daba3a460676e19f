package dev.sitter.pack;

/**
 * Hard caps applied while reading a pack archive. Declared sizes are checked up front (so a lying
 * header is refused before anything is inflated) and actual inflated bytes are counted again while
 * reading (so a lying header cannot get past either).
 *
 * @param maxArchiveBytes    largest zip file accepted
 * @param maxEntries         most entries (files and folders) in one archive
 * @param maxEntryBytes      largest single file, uncompressed
 * @param maxTotalBytes      largest sum of all files, uncompressed
 * @param maxRatio           largest uncompressed/compressed ratio for an entry ...
 * @param ratioGraceBytes    ... once it is bigger than this (tiny files compress well legitimately)
 */
public record ZipLimits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                        long maxRatio, long ratioGraceBytes) {
    /** Defaults sized for character packs: a few thousand images, none over 64 MiB. */
    public static final ZipLimits DEFAULT = new ZipLimits(
            4L << 30, 20_000, 64L << 20, 4L << 30, 100, 1L << 20);

    public ZipLimits withMaxEntries(int n) {
        return new ZipLimits(maxArchiveBytes, n, maxEntryBytes, maxTotalBytes, maxRatio, ratioGraceBytes);
    }

    public ZipLimits withMaxEntryBytes(long n) {
        return new ZipLimits(maxArchiveBytes, maxEntries, n, maxTotalBytes, maxRatio, ratioGraceBytes);
    }

    public ZipLimits withMaxTotalBytes(long n) {
        return new ZipLimits(maxArchiveBytes, maxEntries, maxEntryBytes, n, maxRatio, ratioGraceBytes);
    }
}
