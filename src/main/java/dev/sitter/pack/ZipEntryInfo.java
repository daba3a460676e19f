package dev.sitter.pack;

/**
 * One entry of a pack archive as its central directory describes it, after the local header has
 * been cross-checked.
 *
 * @param name            the entry name (UTF-8, already checked by {@link PackPaths}); folders end in '/'
 * @param method          0 stored or 8 deflated
 * @param crc             CRC-32 of the uncompressed bytes
 * @param compressedSize  bytes stored in the archive
 * @param size            declared uncompressed size
 * @param dataOffset      where the stored bytes start in the file
 */
public record ZipEntryInfo(String name, int method, long crc, long compressedSize, long size, long dataOffset) {
    public boolean isDirectory() {
        return name.endsWith("/");
    }
}
