package dev.sitter.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sitter.model.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code pack.json}: what a pack is and every file it holds. The manifest is the pack's logical
 * tree: import refuses any archive entry it does not list and any listed file whose size or
 * SHA-256 differs. Written with sorted keys so equal packs have equal bytes.
 *
 * @param format        always {@value #FORMAT}
 * @param name          pack name ([A-Za-z0-9._-], also its folder in the library)
 * @param version       pack version, same charset
 * @param author        who made it
 * @param license       the licence the pack is offered under
 * @param created       ISO-8601 instant (deterministic: from the inputs, not the clock)
 * @param sitterVersion the Sitter version that exported it
 * @param tosReviewed   the date (YYYY-MM-DD) the author last reviewed the image service's terms
 * @param models        every model the assets used, with the author's licence note
 * @param characters    every character, with its likeness declaration
 * @param scripts       the pack's DSL scripts, in the order they are read
 * @param assets        the chosen images and their provenance records
 * @param cost          what the assets cost to make
 * @param checklist     the release checklist as it stood at export
 * @param files         every file in the archive except pack.json itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackManifest(String format, String name, String version, String author, String license,
                           String created, String sitterVersion, String tosReviewed,
                           List<Model> models, List<CharacterNote> characters, List<String> scripts,
                           List<Asset> assets, CostSummary cost, Checklist checklist, List<FileEntry> files) {
    public static final String FORMAT = "sitter-pack/1";
    public static final String FILE = "pack.json";
    /** Largest pack.json accepted on import. */
    public static final int MAX_BYTES = 8 << 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public PackManifest {
        models = models == null ? List.of() : List.copyOf(models);
        characters = characters == null ? List.of() : List.copyOf(characters);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        assets = assets == null ? List.of() : List.copyOf(assets);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A model the pack's assets were made with. */
    public record Model(String id, String name, String licenseNote) {}

    /** A character and whether it depicts a real person (then a consent note is required). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CharacterNote(String id, boolean realPerson, String consent) {}

    /** A chosen image: its id (SHA-256 of the original bytes), the image file and its record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Asset(String id, String character, String image, String record) {}

    /** Total cost per unit (e.g. credits) over all assets, and how many had no cost recorded. */
    public record CostSummary(int assets, Map<String, BigDecimal> totals, int unknown) {}

    /** One file of the archive. */
    public record FileEntry(String path, long size, String sha256) {}

    /** The release checklist: each item and whether it passed; forced when exported with --force. */
    public record Checklist(boolean passed, boolean forced, List<CheckItem> items) {
        public Checklist {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One checklist item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckItem(String item, boolean passed, String detail) {}

    public byte[] toBytes() {
        return (Json.pretty(this) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses and checks an untrusted manifest: format, name, version, and every path and hash.
     * Unknown fields are ignored (a newer Sitter may add some).
     */
    public static PackManifest parse(byte[] bytes, String where) {
        PackManifest m;
        try {
            m = Json.MAPPER.readValue(bytes, PackManifest.class);
        } catch (JsonProcessingException e) {
            throw new PackException(where + ": pack.json is not valid JSON (" + e.getOriginalMessage()
                    + "). The pack is damaged; ask its author for a fresh copy.");
        } catch (java.io.IOException e) {
            throw new PackException(where + ": pack.json cannot be read: " + e.getMessage());
        }
        if (m == null) throw new PackException(where + ": pack.json is empty.");
        if (!FORMAT.equals(m.format())) {
            throw new PackException(where + ": pack.json has format '" + PackPaths.printable(m.format()) + "', expected '"
                    + FORMAT + "'. It was made by another tool or a newer Sitter.");
        }
        requireName(m.name(), "name", where);
        requireName(m.version(), "version", where);
        Set<String> seen = new HashSet<>();
        for (FileEntry f : m.files()) {
            if (f == null || f.path() == null) throw new PackException(where + ": pack.json lists a file without a path.");
            PackPaths.require(f.path(), where + ": pack.json lists the file");
            if (f.path().equals(FILE)) throw new PackException(where + ": pack.json lists itself.");
            if (f.size() < 0) throw new PackException(where + ": pack.json gives '" + f.path() + "' a negative size.");
            if (f.sha256() == null || !HEX64.matcher(f.sha256()).matches()) {
                throw new PackException(where + ": pack.json gives '" + f.path() + "' no valid SHA-256 (64 lowercase hex digits).");
            }
            if (!seen.add(f.path().toLowerCase(java.util.Locale.ROOT))) {
                throw new PackException(where + ": pack.json lists '" + f.path() + "' twice.");
            }
        }
        for (String s : m.scripts()) requireListed(m, s, "script", where);
        for (Asset a : m.assets()) {
            if (a == null || a.id() == null || !HEX64.matcher(a.id()).matches()) {
                throw new PackException(where + ": pack.json lists an asset without a valid id.");
            }
            requireListed(m, a.image(), "asset image", where);
            requireListed(m, a.record(), "asset record", where);
        }
        return m;
    }

    /** The entry for {@code path}, or null. */
    public FileEntry file(String path) {
        for (FileEntry f : files) if (f.path().equals(path)) return f;
        return null;
    }

    private static void requireListed(PackManifest m, String path, String what, String where) {
        if (path == null || m.file(path) == null) {
            throw new PackException(where + ": pack.json names the " + what + " '" + PackPaths.printable(path)
                    + "' but does not list it among its files.");
        }
    }

    private static void requireName(String v, String field, String where) {
        if (v == null || !NAME.matcher(v).matches()) {
            throw new PackException(where + ": pack.json field '" + field + "' is '" + PackPaths.printable(v)
                    + "'; it must be 1-64 of A-Z a-z 0-9 . _ - starting with a letter or digit.");
        }
        if (v.equals(".") || v.equals("..") || v.contains("..")) {
            throw new PackException(where + ": pack.json field '" + field + "' may not contain '..'.");
        }
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
