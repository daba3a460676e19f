package dev.sitter.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.cli.Version;
import dev.sitter.imaging.ContactSheet;
import dev.sitter.imaging.GalleryItem;
import dev.sitter.imaging.Images;
import dev.sitter.model.Json;
import dev.sitter.util.Sha256;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code pack export}: gathers the scripts (bundled, includes resolved), the files they name, the
 * chosen assets and their records, writes a README with a contact sheet, runs the release
 * checklist and writes a deterministic zip. Refuses to write when the checklist fails, unless
 * forced (the manifest then says so).
 */
public final class PackExporter {
    /** What was exported. */
    public record Result(PackManifest manifest, Path zip, long bytes, List<String> dropped) {}

    public Result export(ExportRequest req, Path out) {
        Map<String, Path> fromDisk = new TreeMap<>();
        Map<String, byte[]> inMemory = new TreeMap<>();

        String scriptPath = req.name() + ".groovy";
        PackPaths.require(scriptPath, "pack name");
        ScriptBundler.Bundle bundle = new ScriptBundler(req.includeDirs())
                .bundle(req.scripts(), req.definitions(), header(req));
        inMemory.put(scriptPath, bundle.text().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Path> f : bundle.files().entrySet()) {
            if (!Files.isRegularFile(f.getValue())) {
                throw new PackException("the scripts name '" + f.getValue() + "', which is not a file; fix the path before exporting.");
            }
            fromDisk.put(f.getKey(), f.getValue());
        }

        List<PackManifest.Asset> assets = new ArrayList<>();
        Set<String> characters = new LinkedHashSet<>();
        for (String k : bundle.kept()) if (k.startsWith("character ")) characters.add(k.substring("character ".length()));
        Map<String, BigDecimal> totals = new TreeMap<>();
        int unknownCost = 0;
        String latest = null;
        Map<String, String[]> modelsUsed = new TreeMap<>();
        for (ExportAsset a : req.assets()) {
            String ext = extension(a.image());
            String folder = a.character() == null ? "_none" : safeSegment(a.character());
            String image = "assets/" + folder + "/" + a.id() + ext;
            String record = "records/" + a.id() + ".json";
            fromDisk.put(image, a.image());
            fromDisk.put(record, a.record());
            fromDisk.putAll(a.inputs()); // an inpaint's mask: replay sends it again
            assets.add(new PackManifest.Asset(a.id(), a.character(), image, record));
            if (a.character() != null) characters.add(a.character());
            JsonNode r = readJson(a.record());
            JsonNode cost = r.path("cost");
            if (cost.hasNonNull("amount") && cost.hasNonNull("unit")) {
                totals.merge(cost.get("unit").asText(), cost.get("amount").decimalValue(), BigDecimal::add);
            } else {
                unknownCost++;
            }
            String at = ReleaseChecklist.text(r.path("times"), "recordedAt");
            if (at != null && (latest == null || at.compareTo(latest) > 0)) latest = at;
            String id = ReleaseChecklist.text(r.path("request"), "modelId");
            String name = ReleaseChecklist.text(r.path("request"), "modelName");
            if (id != null || name != null) modelsUsed.putIfAbsent(id != null ? id : name, new String[] {id, name});
        }
        List<PackManifest.Model> models = new ArrayList<>();
        for (String[] m : modelsUsed.values()) {
            String note = m[1] != null && req.modelNotes().containsKey(m[1]) ? req.modelNotes().get(m[1])
                    : m[0] != null ? req.modelNotes().get(m[0]) : null;
            models.add(new PackManifest.Model(m[0], m[1], note));
        }
        List<PackManifest.CharacterNote> notes = new ArrayList<>();
        for (String c : characters) {
            boolean real = req.realPersons().contains(c);
            notes.add(new PackManifest.CharacterNote(c, real, req.consent().get(c)));
        }
        PackManifest.CostSummary cost = new PackManifest.CostSummary(assets.size(), totals, unknownCost);
        String created = created(req.created(), latest);

        PackManifest draft = new PackManifest(PackManifest.FORMAT, req.name(), req.version(), req.author(), req.license(),
                created, Version.get(), req.tosReviewed(), models, notes, List.of(scriptPath), assets, cost, null, List.of());
        PackManifest.Checklist checklist = ReleaseChecklist.run(new ReleaseChecklist.Content(draft,
                files(fromDisk, inMemory), req.apiKey()), req.force());
        if (!checklist.passed() && !req.force()) {
            throw new PackException("release checklist failed; the pack was not written:\n" + ReleaseChecklist.render(checklist)
                    + "Fix the items above, or export with --force to write it anyway (the manifest will say so).");
        }
        String sheetNote = contactSheet(req.assets(), inMemory);
        inMemory.put("README.md", Readme.render(draft, checklist, bundle, sheetNote).getBytes(StandardCharsets.UTF_8));

        List<PackManifest.FileEntry> entries = new ArrayList<>();
        Set<String> all = new java.util.TreeSet<>(fromDisk.keySet());
        all.addAll(inMemory.keySet());
        for (String p : all) {
            PackPaths.require(p, "pack file");
            if (inMemory.containsKey(p)) {
                byte[] b = inMemory.get(p);
                entries.add(new PackManifest.FileEntry(p, b.length, Sha256.hex(b)));
            } else {
                Path f = fromDisk.get(p);
                entries.add(new PackManifest.FileEntry(p, size(f), Sha256.file(f)));
            }
        }
        PackManifest manifest = new PackManifest(draft.format(), draft.name(), draft.version(), draft.author(), draft.license(),
                draft.created(), draft.sitterVersion(), draft.tosReviewed(), draft.models(), draft.characters(), draft.scripts(),
                draft.assets(), draft.cost(), checklist, entries);
        inMemory.put(PackManifest.FILE, manifest.toBytes());
        long bytes = writeAtomically(out, all, inMemory, fromDisk);
        return new Result(manifest, out, bytes, bundle.dropped());
    }

    /** How many assets the PNG contact sheet shows at most; the README's grid lists them all. */
    static final int SHEET_MAX = 60;

    /**
     * Renders {@code contact-sheet.png} (deterministic: same images, same bytes) into the pack and
     * returns the README's line about it; an image that cannot be decoded leaves the sheet out and
     * says why, it does not stop the export.
     */
    private static String contactSheet(List<ExportAsset> assets, Map<String, byte[]> inMemory) {
        if (assets.isEmpty()) return null;
        List<GalleryItem> items = new ArrayList<>();
        for (int i = 0; i < Math.min(SHEET_MAX, assets.size()); i++) {
            ExportAsset a = assets.get(i);
            items.add(new GalleryItem(a.image(), a.id().substring(0, 10) + (a.character() == null ? "" : "\n" + a.character()), null));
        }
        try {
            BufferedImage sheet = ContactSheet.render(items, new ContactSheet.Layout(0, 128, 192, 8, 1, true));
            inMemory.put(CONTACT_SHEET, Images.pngBytes(sheet));
            return assets.size() > SHEET_MAX
                    ? "![contact sheet](" + CONTACT_SHEET + ") (the first " + SHEET_MAX + " of " + assets.size() + " images; all are listed below)"
                    : "![contact sheet](" + CONTACT_SHEET + ")";
        } catch (RuntimeException e) {
            return "(no contact sheet image: " + e.getMessage() + ")";
        }
    }

    static final String CONTACT_SHEET = "contact-sheet.png";

    private static ReleaseChecklist.FileSource files(Map<String, Path> disk, Map<String, byte[]> mem) {
        Set<String> paths = new java.util.TreeSet<>(disk.keySet());
        paths.addAll(mem.keySet());
        return new ReleaseChecklist.FileSource() {
            @Override public byte[] read(String p) {
                if (mem.containsKey(p)) return mem.get(p);
                Path f = disk.get(p);
                return f == null ? null : readBytes(f);
            }

            @Override public java.util.Collection<String> paths() { return paths; }
        };
    }

    private static long writeAtomically(Path out, Set<String> paths, Map<String, byte[]> mem, Map<String, Path> disk) {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                Set<String> withManifest = new java.util.TreeSet<>(paths);
                withManifest.add(PackManifest.FILE);
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    DeterministicZip.write(withManifest, p -> mem.containsKey(p) ? mem.get(p) : readBytes(disk.get(p)), os);
                }
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                PackImporter.fsyncDir(dir);
                return Files.size(target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PackException("cannot write " + target + ": " + e.getMessage());
        }
    }

    private static String header(ExportRequest req) {
        return "// Pack " + req.name() + " " + req.version() + " by " + oneLine(req.author()) + " (" + oneLine(req.license()) + ").\n"
                + "// Exported by Sitter: definitions only, includes resolved; paths are relative to the pack.\n"
                + "// It uses only declarative DSL, so `sitter pack import` accepts it without --trust.\n\n";
    }

    private static String oneLine(String s) {
        return s == null ? "unknown" : s.replaceAll("[\\r\\n]", " ");
    }

    static String created(String given, String latestRecord) {
        String v = given;
        if (v == null) {
            String epoch = System.getenv("SOURCE_DATE_EPOCH");
            if (epoch != null && epoch.matches("\\d{1,12}")) {
                v = Instant.ofEpochSecond(Long.parseLong(epoch)).toString();
            } else {
                v = latestRecord != null ? latestRecord : "1980-01-01T00:00:00Z";
            }
        }
        try {
            return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
        } catch (DateTimeParseException e) {
            throw new PackException("creation time '" + v + "' is not an ISO-8601 instant such as 2026-03-01T12:00:00Z.");
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
    }

    static String safeSegment(String s) {
        String r = s.replaceAll("[^A-Za-z0-9._-]", "_");
        if (r.isEmpty() || r.startsWith(".") || r.startsWith("-")) r = "_" + r;
        return r.length() > 64 ? r.substring(0, 64) : r;
    }

    private static JsonNode readJson(Path p) {
        try {
            return Json.MAPPER.readTree(readBytes(p));
        } catch (IOException e) {
            throw new PackException("record " + p + " is not valid JSON (" + e.getMessage() + "); run `sitter verify`.");
        }
    }

    static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

}
