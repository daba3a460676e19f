package dev.sitter.pack;

import dev.sitter.library.IndexEntry;
import dev.sitter.library.Query;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The portraits of the packs imported into a library ({@code packs/NAME/VERSION/}), for
 * {@code sitter ls --imported}, {@code ls --pack NAME} and {@code show}: read from each pack's
 * manifest and its author's records, as they are. They are the author's, not the user's: they are
 * never added to the library's index, records or ledger, so the author's spend never counts in the
 * user's totals; {@code pack replay} is what makes them the user's own.
 *
 * <p>Everything here comes from a stranger: a damaged pack or record becomes a warning, never a
 * crash, and text shown in a terminal has its control characters replaced.
 */
public final class ImportedAssets {
    /** One imported asset: its pack, its index line as the author's record gives it, and its files in the pack. */
    public record Imported(String pack, String version, IndexEntry entry, Path image, Path record) {
        /** {@code NAME/VERSION}, as {@code pack replay} takes it. */
        public String packId() { return pack + "/" + version; }
    }

    /** What was found, and the packs or records that could not be read. */
    public record Listing(List<Imported> assets, List<String> warnings) {}

    private ImportedAssets() {}

    /**
     * Every imported asset matching {@code query}, pack by pack (name, then version), in manifest order.
     *
     * @param pack {@code NAME} or {@code NAME/VERSION} to list one pack only, or null for all
     * @throws PackException when {@code pack} names no imported pack
     */
    public static Listing list(Path libraryRoot, String pack, Query query) {
        List<Imported> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> dirs = packDirs(libraryRoot, pack);
        for (Path dir : dirs) {
            PackManifest m;
            try {
                m = ReplayPlanner.readManifest(dir);
            } catch (PackException e) {
                warnings.add(e.getMessage());
                continue;
            }
            String name = dir.getParent().getFileName().toString(), version = dir.getFileName().toString();
            for (PackManifest.Asset a : m.assets()) {
                Imported i = load(dir, name, version, a, warnings);
                if (i != null && query.matches(i.entry())) out.add(i);
            }
        }
        return new Listing(out, warnings);
    }

    /**
     * The imported asset whose id is or starts with {@code idOrPrefix} (4+ hex digits), or null when
     * no imported pack has it.
     *
     * @throws PackException when the prefix matches several different assets
     */
    public static Imported find(Path libraryRoot, String idOrPrefix) {
        String p = idOrPrefix.toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f]{4,64}")) return null;
        List<Imported> hits = new ArrayList<>();
        for (Path dir : packDirs(libraryRoot, null)) {
            PackManifest m;
            try {
                m = ReplayPlanner.readManifest(dir);
            } catch (PackException e) {
                continue;
            }
            for (PackManifest.Asset a : m.assets()) {
                if (!a.id().startsWith(p)) continue;
                Imported i = load(dir, dir.getParent().getFileName().toString(), dir.getFileName().toString(), a, new ArrayList<>());
                if (i != null) hits.add(i);
            }
        }
        if (hits.isEmpty()) return null;
        long distinct = hits.stream().map(i -> i.entry().assetId()).distinct().count();
        if (distinct > 1) {
            throw new PackException("asset id prefix '" + idOrPrefix + "' matches " + distinct + " imported assets ("
                    + String.join(", ", hits.stream().map(i -> i.entry().assetId().substring(0, 12) + " in " + i.packId()).distinct().toList())
                    + "); give more digits.");
        }
        return hits.get(0); // the same image in several packs (or versions): the first pack's copy
    }

    private static Imported load(Path dir, String name, String version, PackManifest.Asset a, List<String> warnings) {
        String where = "pack " + name + "/" + version + ": record " + a.record();
        Path record, image;
        try {
            record = PackPaths.resolveInside(dir, a.record());
            image = PackPaths.resolveInside(dir, a.image());
        } catch (PackException e) {
            warnings.add(where + ": " + e.getMessage());
            return null;
        }
        Provenance p;
        try {
            if (Files.isSymbolicLink(record)) throw new IOException("it is a symbolic link");
            p = Json.MAPPER.readValue(Files.readAllBytes(record), Provenance.class);
        } catch (IOException | RuntimeException e) {
            warnings.add(where + " cannot be read (" + e.getClass().getSimpleName() + "); skipped. Delete " + dir
                    + " and import the pack again.");
            return null;
        }
        if (p == null || p.request() == null || p.request().recipe() == null) {
            warnings.add(where + " has no request; skipped.");
            return null;
        }
        IndexEntry e = IndexEntry.of(p);
        // the id is the manifest's (import checked the image against it), not whatever the record claims
        IndexEntry shown = new IndexEntry(a.id(), shown(e.recordedAt()), shown(e.character()), shown(e.style()), shown(e.template()),
                shown(e.model()), e.seed(), shown(e.step()), e.parentId() != null && e.parentId().matches("[0-9a-f]{64}") ? e.parentId() : null,
                shown(e.qa()), e.cost(), shown(e.costUnit()), shown(e.backend()));
        return new Imported(name, version, shown, image, record);
    }

    /** Text from a pack as a terminal may show it: control and direction-override characters become '?'. */
    static String shown(String s) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            b.append(unsafeForTerminal(c) ? '?' : c);
        }
        return b.toString();
    }

    /**
     * Whether a stranger's text could steer a terminal with this character: C0 and C1 controls (escape
     * sequences), and bidi embeddings, overrides and isolates (text that reads other than it is).
     */
    public static boolean unsafeForTerminal(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * A pack's record as pretty JSON a terminal may show: every {@link #unsafeForTerminal} character in a
     * string is written as a backslash-u escape, so the output is the same JSON with nothing a terminal acts on.
     */
    public static String recordForTerminal(com.fasterxml.jackson.databind.JsonNode record) {
        try {
            return Json.MAPPER.writer().with(TERMINAL_SAFE).withDefaultPrettyPrinter().writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.core.io.CharacterEscapes TERMINAL_SAFE = new com.fasterxml.jackson.core.io.CharacterEscapes() {
        private final int[] ascii = standardAsciiEscapesForJSON(); // C0 controls and DEL: escaped, quotes and backslash as usual

        {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override public int[] getEscapeCodesForAscii() { return ascii; }

        @Override public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return unsafeForTerminal(ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    };

    /** The imported packs' folders ({@code packs/NAME/VERSION}), or the one {@code pack} names. */
    private static List<Path> packDirs(Path libraryRoot, String pack) {
        Path packs = libraryRoot.toAbsolutePath().normalize().resolve("packs");
        List<Path> out = new ArrayList<>();
        if (pack != null) {
            String[] parts = pack.split("/", -1);
            if (parts.length > 2 || !parts[0].matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || parts[0].contains("..")
                    || (parts.length == 2 && (!parts[1].matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || parts[1].contains("..")))) {
                throw new PackException("'" + PackPaths.printable(pack) + "' is not a pack name; give NAME or NAME/VERSION as"
                        + " `sitter pack import` printed it.");
            }
            Path named = packs.resolve(parts[0]);
            if (parts.length == 2) {
                if (Files.isDirectory(named.resolve(parts[1]), LinkOption.NOFOLLOW_LINKS)) out.add(named.resolve(parts[1]));
            } else {
                out.addAll(children(named));
            }
            if (out.isEmpty()) {
                throw new PackException("no pack '" + pack + "' is imported into " + libraryRoot + "; `sitter ls --imported` lists"
                        + " the imported ones, `sitter pack import FILE` adds one.");
            }
            return out;
        }
        for (Path name : children(packs)) out.addAll(children(name));
        return out;
    }

    /** Sub-folders in name order, without links or import staging folders. */
    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (p.getFileName().toString().startsWith(".") || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                out.add(p);
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** Total cost per unit of these assets: the author's spend, shown apart from the user's ledger. */
    public static java.util.SortedMap<String, BigDecimal> authorCost(List<Imported> assets) {
        java.util.SortedMap<String, BigDecimal> t = new java.util.TreeMap<>();
        for (Imported i : assets) {
            if (i.entry().cost() != null && i.entry().costUnit() != null) t.merge(i.entry().costUnit(), i.entry().cost(), BigDecimal::add);
        }
        return t;
    }
}
