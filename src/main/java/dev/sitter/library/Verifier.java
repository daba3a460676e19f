package dev.sitter.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.imaging.EmbeddedMetadata;
import dev.sitter.imaging.ImageFormatException;
import dev.sitter.imaging.ProvenanceMetadata;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code sitter verify}, the library's {@code git fsck}: repairs what a crash left half-done,
 * then rehashes every image, checks every record, every embedded copy, the index, the ledger and
 * the journal, and lists orphans. Runs holding the library lock, so it sees no write half-way.
 */
final class Verifier {
    private final Library lib;
    private final List<VerifyReport.Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long bytes, nanos;
    private int files;

    Verifier(Library lib) { this.lib = lib; }

    VerifyReport run() throws IOException {
        try (LibraryLock.Held ignored = lib.lock().acquire()) {
            int repaired = lib.recover();
            if (repaired > 0) notes.add("finished or undid " + repaired + " write(s) interrupted by a crash");
            Set<String> referenced = new HashSet<>();
            Map<String, Provenance> records = new HashMap<>();
            for (Path f : lib.recordFiles()) checkRecord(f, referenced, records);
            for (String area : List.of("objects", "assets")) checkOrphans(lib.root().resolve(area), referenced);
            checkStrayRecords();
            checkIndex(records);
            checkLedger(records);
            Journal.Contents j = lib.journal().read();
            for (String s : j.problems()) problem("journal", rel(lib.journal().file()), s + "; the entry is ignored.");
            List<Journal.Pending> pending = lib.journal().pending();
            return new VerifyReport(records.size(), files, bytes, nanos, List.copyOf(problems), pending, List.copyOf(notes));
        }
    }

    private void checkRecord(Path f, Set<String> referenced, Map<String, Provenance> records) throws IOException {
        String relf = rel(f);
        String name = f.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        if (!Library.isAssetId(id) || !f.getParent().getFileName().toString().equals(id.substring(0, 2))) {
            problem("orphan", relf, "not a record name (records/ab/<64 hex>.json); move it out of the library.");
            return;
        }
        Provenance p;
        try {
            p = lib.read(f);
        } catch (LibraryException e) {
            problem("bad-record", relf, e.getMessage());
            return;
        }
        if (!id.equals(p.assetId())) {
            problem("bad-record", relf, "names asset " + p.assetId() + " but is filed as " + id + ".");
            return;
        }
        records.put(id, p);
        checkInputs(p, relf);
        Provenance.ImageFile orig = p.files() == null ? null : p.files().original();
        if (orig == null) {
            problem("bad-record", relf, "lists no original image file.");
            return;
        }
        referenced.add(orig.path());
        String expected = lib.rel(lib.objectPath(id));
        if (!orig.path().equals(expected)) {
            problem("bad-record", relf, "puts the original at " + orig.path() + " instead of " + expected + ".");
        }
        byte[] original = hashCheck(orig, id, "original");
        Provenance.ImageFile emb = p.files().embedded();
        if (emb == null) return;
        referenced.add(emb.path());
        byte[] copy = hashCheck(emb, emb.sha256(), "copy with metadata");
        if (copy == null) return;
        checkEmbedded(p, emb.path(), copy);
        if (original == null) notes.add("asset " + id + ": the original is damaged but " + emb.path() + " is intact");
    }

    /**
     * The inputs a record names besides its references (an inpaint's mask, a composite's mask, a
     * grade's LUT) must be kept in inputs/ with the bytes it names: replay and packs read them there.
     */
    private void checkInputs(Provenance p, String relf) {
        Provenance.Mask mask = p.operation() == null ? null : p.operation().mask();
        if (mask != null) checkInput(p, relf, mask.sha256(), "inpaint mask", mask.path());
        Provenance.Edit edit = p.edit();
        if (edit != null && edit.maskSha256() != null) checkInput(p, relf, edit.maskSha256(), p.step() + " mask", edit.mask());
        if (edit != null && edit.lutSha256() != null) checkInput(p, relf, edit.lutSha256(), "LUT", edit.lut());
    }

    private void checkInput(Provenance p, String relf, String sha256, String what, String path) {
        if (sha256 == null || !Library.isAssetId(sha256)) {
            problem("bad-record", relf, "names its " + what + " without a valid SHA-256.");
            return;
        }
        try {
            lib.readInput(sha256);
        } catch (LibraryException e) {
            problem("missing", rel(lib.inputPath(sha256)), "the " + what + " of asset " + p.assetId().substring(0, 12)
                    + " (" + path + "): " + e.getMessage());
        }
    }

    /** Reads and hashes a file; returns its bytes when the hash matches, null otherwise (problem noted). */
    private byte[] hashCheck(Provenance.ImageFile f, String sha, String what) throws IOException {
        Path path = lib.root().resolve(f.path());
        if (!Files.isRegularFile(path)) {
            problem("missing", f.path(), "the " + what + " of asset " + sha.substring(0, 12) + " is missing; restore it from a backup.");
            return null;
        }
        long t0 = System.nanoTime();
        byte[] b = Files.readAllBytes(path);
        MessageDigest md = dev.sitter.util.Sha256.digest();
        String actual = HexFormat.of().formatHex(md.digest(b));
        nanos += System.nanoTime() - t0;
        bytes += b.length;
        files++;
        if (!actual.equals(sha)) {
            problem("hash-mismatch", f.path(), "the " + what + " hashes to " + actual.substring(0, 12) + " but the record says "
                    + sha.substring(0, 12) + ": the file was changed or damaged; restore it from a backup.");
            return null;
        }
        return b;
    }

    private void checkEmbedded(Provenance p, String path, byte[] copy) {
        EmbeddedMetadata m;
        try {
            m = ProvenanceMetadata.read(copy);
        } catch (ImageFormatException e) {
            problem("bad-metadata", path, e.getMessage());
            return;
        }
        if (m.digitalSourceType() == null) problem("bad-metadata", path, "has no IPTC DigitalSourceType in its XMP.");
        if (m.mediaType().equals("image/png") && m.parameters() == null) {
            problem("bad-metadata", path, "has no AUTOMATIC1111 'parameters' chunk.");
        }
        if (m.provenanceJson() == null) {
            problem("bad-metadata", path, "carries no Sitter provenance record.");
            return;
        }
        JsonNode embedded, stored;
        try {
            embedded = Json.MAPPER.readTree(m.provenanceJson());
            stored = Json.MAPPER.readTree(Json.pretty(p)); // via text, so numbers compare as parsed
        } catch (IOException e) {
            problem("bad-metadata", path, "its embedded provenance record is not valid JSON.");
            return;
        }
        // The copy holds the record as first written: QA added later and its own hash are not in it.
        for (JsonNode n : List.of(embedded, stored)) {
            ((ObjectNode) n).remove("qa");
            if (n.get("files") instanceof ObjectNode files) files.remove("embedded");
        }
        if (!embedded.equals(stored)) {
            problem("bad-metadata", path, "its embedded record differs from records/" + p.assetId().substring(0, 2) + "/"
                    + p.assetId() + ".json.");
        }
    }

    private void checkOrphans(Path area, Set<String> referenced) throws IOException {
        if (!Files.isDirectory(area)) return;
        try (Stream<Path> s = Files.walk(area)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                if (DurableFiles.isTemp(f)) {
                    Files.deleteIfExists(f);
                    notes.add("removed the unfinished temp file " + rel(f));
                } else if (!referenced.contains(rel(f))) {
                    problem("orphan", rel(f), "no record refers to this file; if it is a portrait you want to keep, "
                            + "record it again, else delete it.");
                }
            }
        }
    }

    private void checkStrayRecords() throws IOException {
        Path dir = lib.root().resolve("records");
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                if (DurableFiles.isTemp(f)) {
                    Files.deleteIfExists(f);
                    notes.add("removed the unfinished temp file " + rel(f));
                } else if (!f.getFileName().toString().endsWith(".json")) {
                    problem("orphan", rel(f), "not a record; move it out of records/.");
                }
            }
        }
    }

    private void checkIndex(Map<String, Provenance> records) throws IOException {
        RecordIndex.Contents c = lib.index().read();
        String path = rel(lib.index().file());
        for (String bad : c.badLines()) problem("index", path, bad + " is unreadable; run 'sitter verify --reindex'.");
        for (Provenance p : records.values()) {
            IndexEntry e = c.latest().get(p.assetId());
            if (e == null) problem("index", path, "asset " + p.assetId().substring(0, 12) + " is not indexed; run 'sitter verify --reindex'.");
            else if (!e.equals(IndexEntry.of(p))) problem("index", path, "the entry for " + p.assetId().substring(0, 12)
                    + " disagrees with its record; run 'sitter verify --reindex'.");
        }
        for (String id : c.latest().keySet()) {
            if (!records.containsKey(id)) problem("index", path, "lists asset " + id.substring(0, 12) + " which has no record.");
        }
    }

    private void checkLedger(Map<String, Provenance> records) throws IOException {
        String path = rel(lib.ledger().file());
        List<Ledger.Row> rows;
        try {
            rows = lib.ledger().rows();
        } catch (LibraryException e) {
            problem("ledger", path, e.getMessage());
            return;
        }
        Map<String, Integer> count = new HashMap<>();
        for (Ledger.Row r : rows) {
            count.merge(r.assetId(), 1, Integer::sum);
            if (!records.containsKey(r.assetId())) problem("ledger", path, "has a row for " + r.assetId() + " which has no record.");
        }
        for (String id : records.keySet()) {
            int n = count.getOrDefault(id, 0);
            if (n != 1) problem("ledger", path, "has " + n + " rows for asset " + id.substring(0, 12) + " (expected 1).");
        }
    }

    private void problem(String kind, String path, String message) {
        problems.add(new VerifyReport.Problem(kind, path, message));
    }

    private String rel(Path p) { return lib.rel(p); }
}
