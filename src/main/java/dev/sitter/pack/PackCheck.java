package dev.sitter.pack;

import dev.sitter.util.Sha256;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pack check FILE}: the release checklist run on a pack archive, after the same structural
 * and hash checks import makes (nothing is extracted or run).
 */
public final class PackCheck {
    private PackCheck() {}

    public static PackManifest.Checklist check(Path zip, ZipLimits limits, String apiKey) {
        try (SafeZipReader reader = SafeZipReader.open(zip, limits)) {
            ZipEntryInfo me = reader.entry(PackManifest.FILE);
            if (me == null) throw new PackException("pack " + zip.getFileName() + " has no pack.json; it is not a Sitter pack.");
            PackManifest m = PackManifest.parse(reader.readAll(me, PackManifest.MAX_BYTES), "pack " + zip.getFileName());
            Map<String, ZipEntryInfo> byPath = new TreeMap<>();
            for (PackManifest.FileEntry f : m.files()) {
                ZipEntryInfo e = reader.entry(f.path());
                if (e == null) throw new PackException("pack " + zip.getFileName() + ": pack.json lists '" + f.path() + "' but the archive lacks it.");
                byPath.put(f.path(), e);
            }
            ReleaseChecklist.FileSource files = new ReleaseChecklist.FileSource() {
                @Override public byte[] read(String p) {
                    ZipEntryInfo e = byPath.get(p);
                    if (e == null) return null;
                    byte[] b = reader.readAll(e, (int) Math.min(Integer.MAX_VALUE - 8, limits.maxEntryBytes()));
                    PackManifest.FileEntry f = m.file(p);
                    if (!Sha256.hex(b).equals(f.sha256())) {
                        throw new PackException("pack " + zip.getFileName() + ": '" + p + "' does not match its SHA-256 in pack.json.");
                    }
                    return b;
                }

                @Override public java.util.Collection<String> paths() { return byPath.keySet(); }
            };
            return ReleaseChecklist.run(new ReleaseChecklist.Content(m, files, apiKey), false);
        }
    }

}
