package dev.sitter.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds assets to export in a prompt library through its documented on-disk format
 * (docs/library-format.md): {@code records/ab/ID.json}, whose {@code files.embedded} (the
 * metadata-carrying copy) or {@code files.original} names the image relative to the library root.
 */
public final class LibraryAssets {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private final Path root;

    public LibraryAssets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The asset whose id is or starts with {@code idOrPrefix}. */
    public ExportAsset byId(String idOrPrefix) {
        String p = idOrPrefix.toLowerCase(Locale.ROOT);
        if (!HEX.matcher(p).matches() || p.length() < 4) {
            throw new PackException("'" + idOrPrefix + "' is not an asset id (at least 4 hex digits, as `sitter ls` shows).");
        }
        List<Path> hits = new ArrayList<>();
        for (Path r : records()) if (r.getFileName().toString().startsWith(p)) hits.add(r);
        if (hits.isEmpty()) throw new PackException("no asset " + idOrPrefix + " in the library at " + root + "; `sitter ls` lists them.");
        if (hits.size() > 1) throw new PackException("asset id " + idOrPrefix + " is ambiguous (" + hits.size() + " match); give more digits.");
        return load(hits.get(0));
    }

    /** Every asset of one character, in id order. */
    public List<ExportAsset> ofCharacter(String character) {
        List<ExportAsset> out = new ArrayList<>();
        for (Path r : records()) {
            ExportAsset a = load(r);
            if (character.equals(a.character())) out.add(a);
        }
        if (out.isEmpty()) throw new PackException("the library at " + root + " has no assets of character '" + character + "'.");
        return out;
    }

    /**
     * The chosen assets plus the ancestors they were made from (refine, upscale, ... parents, as far
     * back as the library has them): replay regenerates a child from its regenerated parent, so a
     * pack without the parent could not replay the child. Chosen assets come first, in order.
     *
     * @param notes receives one line per ancestor added or missing from the library
     */
    public List<ExportAsset> withAncestors(List<ExportAsset> chosen, List<String> notes) {
        java.util.Map<String, ExportAsset> all = new java.util.LinkedHashMap<>();
        for (ExportAsset a : chosen) all.putIfAbsent(a.id(), a);
        java.util.ArrayDeque<ExportAsset> todo = new java.util.ArrayDeque<>(all.values());
        while (!todo.isEmpty()) {
            ExportAsset a = todo.poll();
            for (String parent : sourcesOf(a)) {
                if (all.containsKey(parent)) continue;
                if (!parent.matches("[0-9a-f]{64}")) {
                    notes.add("asset " + a.id().substring(0, 12) + " names a parent that is not an asset id; the pack cannot replay it");
                    continue;
                }
                Path rec = root.resolve("records").resolve(parent.substring(0, 2)).resolve(parent + ".json");
                Path flat = root.resolve("records").resolve(parent + ".json");
                Path found = Files.isRegularFile(rec) ? rec : Files.isRegularFile(flat) ? flat : findRecord(parent);
                if (found == null) {
                    notes.add("asset " + a.id().substring(0, 12) + " was made from " + parent.substring(0, 12)
                            + ", which is not in the library; the pack cannot replay it");
                    continue;
                }
                ExportAsset p = load(found);
                all.put(p.id(), p);
                todo.add(p);
                notes.add("added " + p.id().substring(0, 12) + ", the image " + a.id().substring(0, 12) + " was made from, so the pack replays");
            }
        }
        return new ArrayList<>(all.values());
    }

    private Path findRecord(String id) {
        for (Path r : records()) if (r.getFileName().toString().equals(id + ".json")) return r;
        return null;
    }

    /** The images an asset was made from: its parent, and a composite's patch source. */
    private static List<String> sourcesOf(ExportAsset a) {
        try {
            com.fasterxml.jackson.databind.JsonNode r = Json.MAPPER.readTree(Files.readAllBytes(a.record()));
            List<String> out = new ArrayList<>();
            String parent = ReleaseChecklist.text(r, "parentId");
            if (parent != null) out.add(parent);
            String from = ReleaseChecklist.text(r.path("edit"), "from");
            if (from != null && !from.equals(parent)) out.add(from);
            return out;
        } catch (IOException e) {
            throw new PackException("record " + a.record() + " is not readable JSON (" + e.getMessage() + "); run `sitter verify`.");
        }
    }

    private List<Path> records() {
        Path dir = root.resolve("records");
        if (!Files.isDirectory(dir)) throw new PackException("no prompt library at " + root + " (no records/ folder); use --library DIR.");
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new PackException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private ExportAsset load(Path record) {
        JsonNode r;
        try {
            r = Json.MAPPER.readTree(Files.readAllBytes(record));
        } catch (IOException e) {
            throw new PackException("record " + record + " is not readable JSON (" + e.getMessage() + "); run `sitter verify`.");
        }
        String id = ReleaseChecklist.text(r, "assetId");
        if (id == null) id = record.getFileName().toString().replace(".json", "");
        JsonNode files = r.path("files");
        String rel = ReleaseChecklist.text(files.path("embedded"), "path");
        if (rel == null) rel = ReleaseChecklist.text(files.path("original"), "path");
        if (rel == null) throw new PackException("record " + record + " names no image file; run `sitter verify`.");
        Path image = root.resolve(rel).normalize();
        if (!image.startsWith(root) || !Files.isRegularFile(image)) {
            throw new PackException("record " + record + " names " + rel + ", which is missing; run `sitter verify`.");
        }
        String character = ReleaseChecklist.text(r.path("request").path("recipe"), "characterId");
        return new ExportAsset(id, character, image, record, inputs(r, record));
    }

    /**
     * The inputs a record names besides its references, from the library's inputs/, each checked
     * against its hash: an inpaint's mask (schema 2 operation), a composite's mask and a grade's LUT
     * (schema 2 edit). Keyed by their path inside the pack.
     */
    private java.util.Map<String, Path> inputs(JsonNode r, Path record) {
        java.util.Map<String, Path> out = new java.util.TreeMap<>();
        JsonNode mask = r.path("operation").path("mask");
        input(out, ReleaseChecklist.text(mask, "sha256"), ReleaseChecklist.text(mask, "path"), "inpaint mask", record);
        JsonNode edit = r.path("edit");
        input(out, ReleaseChecklist.text(edit, "maskSha256"), ReleaseChecklist.text(edit, "mask"), "composite mask", record);
        input(out, ReleaseChecklist.text(edit, "lutSha256"), ReleaseChecklist.text(edit, "lut"), "LUT", record);
        return out;
    }

    private void input(java.util.Map<String, Path> out, String sha, String name, String what, Path record) {
        if (sha == null) return;
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new PackException("record " + record + " names its " + what + " without a valid SHA-256; run `sitter verify`.");
        }
        Path file = root.resolve("inputs").resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2));
        if (!Files.isRegularFile(file) || !dev.sitter.util.Sha256.file(file).equals(sha)) {
            throw new PackException("record " + record + " names the " + what + " " + name
                    + ", whose kept copy " + root.relativize(file) + " is missing or changed, so the pack could not replay it;"
                    + " restore it from a backup (`sitter verify` lists it), or leave that asset out.");
        }
        out.put(ExportAsset.inputPath(sha, name), file);
    }
}
