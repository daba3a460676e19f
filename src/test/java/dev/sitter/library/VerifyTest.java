package dev.sitter.library;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.util.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VerifyTest {
    @TempDir Path dir;
    Library lib;
    RecordedAsset a, b;

    @BeforeEach
    void setUp() throws Exception {
        lib = Library.open(dir);
        a = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        b = lib.record(Samples.jpeg(8, 8, 2), Samples.spec("ivo", 2), Samples.facts(2));
    }

    private static String kinds(VerifyReport r) {
        return r.problems().stream().map(VerifyReport.Problem::kind).sorted().distinct().reduce("", (x, y) -> x + y + " ").strip();
    }

    @Test
    void aSoundLibraryPassesAndReportsItsHashRate() throws Exception {
        VerifyReport r = lib.verify();
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(2, r.records());
        assertEquals(4, r.files());
        assertTrue(r.bytesHashed() > 0);
    }

    @Test
    void aChangedOriginalIsAHashMismatch() throws Exception {
        Path obj = lib.objectPath(a.assetId());
        byte[] bytes = Files.readAllBytes(obj);
        bytes[bytes.length / 2] ^= 1;
        Files.write(obj, bytes);
        VerifyReport r = lib.verify();
        assertEquals("hash-mismatch", kinds(r));
        assertTrue(r.problems().get(0).path().startsWith("objects/sha256/"));
    }

    @Test
    void aMissingCopyAndAnOrphanAreReported() throws Exception {
        Files.delete(b.image());
        Files.write(dir.resolve("assets/mara/stray.png"), Samples.png(4, 4, 9));
        VerifyReport r = lib.verify();
        assertEquals("missing orphan", kinds(r));
        assertTrue(r.problems().stream().anyMatch(p -> p.path().equals("assets/mara/stray.png")));
    }

    @Test
    void aBrokenRecordIsNamed() throws Exception {
        Files.writeString(a.record(), "{ not json");
        VerifyReport r = lib.verify();
        assertTrue(kinds(r).contains("bad-record"), kinds(r));
        VerifyReport.Problem p = r.problems().stream().filter(x -> x.kind().equals("bad-record")).findFirst().orElseThrow();
        assertTrue(p.message().contains("not valid JSON") && p.message().contains(a.assetId()), p.message());
        // its files are now unreferenced, and the index and ledger name an asset with no readable record
        assertTrue(kinds(r).contains("orphan"));
    }

    @Test
    void anEmbeddedRecordThatDisagreesIsBadMetadata() throws Exception {
        // Swap the copy for the original (no metadata) and make the record agree on the hash.
        byte[] plain = Files.readAllBytes(lib.objectPath(a.assetId()));
        Files.write(a.image(), plain);
        ObjectNode rec = (ObjectNode) Json.tree(Files.readString(a.record()));
        ((ObjectNode) rec.path("files").path("embedded")).put("sha256", Sha256.hex(plain));
        Files.writeString(a.record(), Json.pretty(rec));
        VerifyReport r = lib.verify();
        assertEquals("bad-metadata", kinds(r));
    }

    @Test
    void indexAndLedgerDriftAreReportedAndReindexRepairsTheIndex() throws Exception {
        Files.delete(dir.resolve("index/assets.tsv"));
        Files.writeString(dir.resolve("ledger.csv"), Csv.row(List.of(a.assetId(), "x", "", "", "", "", "", "", "", "")),
                StandardOpenOption.APPEND);
        VerifyReport r = lib.verify();
        assertEquals("index ledger", kinds(r));
        assertEquals(2, lib.reindex());
        assertEquals("ledger", kinds(lib.verify()));
    }

    @Test
    void pendingIntentsAreListedWithoutFailingAndACorruptJournalLineFails() throws Exception {
        String id = lib.journal().begin(new Journal.Intent("generate", Samples.spec("mara", 5), null, null));
        lib.journal().submitted(id, "gen-5");
        VerifyReport r = lib.verify();
        assertTrue(r.ok());
        assertEquals(1, r.pending().size());
        assertEquals("gen-5", r.pending().get(0).generationId());
        assertEquals(5L, r.pending().get(0).intent().spec().seed());

        Path log = lib.journal().file();
        String text = Files.readString(log).replaceFirst("\"gen-5\"", "\"gen-6\"");
        Files.writeString(log, text);
        assertEquals("journal", kinds(lib.verify()));
    }

    @Test
    void leftoversOfACrashedRecordAreUndoneAndVerifyPasses() throws Exception {
        // What a process killed after storing the object but before writing the record leaves behind.
        byte[] png = Samples.png(8, 8, 3);
        String id = Sha256.hex(png);
        Path obj = lib.objectPath(id);
        Files.createDirectories(obj.getParent());
        Files.write(obj, png);
        Files.write(obj.resolveSibling("." + obj.getFileName() + ".123.tmp"), new byte[] {1, 2});
        long idx = Files.size(dir.resolve("index/assets.tsv"));
        long led = Files.size(dir.resolve("ledger.csv"));
        Files.writeString(dir.resolve("index/assets.tsv"), "torn-line-without-end", StandardOpenOption.APPEND);
        new InflightMarker(dir.resolve("tmp/inflight")).write(
                new InflightMarker.Marker("record", id, idx, led, List.of(lib.rel(obj), "assets/mara/" + id + ".png")), true);

        VerifyReport r = lib.verify();
        assertTrue(r.ok(), r.problems().toString());
        assertTrue(r.notes().get(0).contains("interrupted"), r.notes().toString());
        assertFalse(Files.exists(obj));
        assertEquals(idx, Files.size(dir.resolve("index/assets.tsv")));
    }

    @Test
    void aRecordWrittenBeforeTheCrashGetsItsIndexAndLedgerRows() throws Exception {
        long idx = Files.size(dir.resolve("index/assets.tsv"));
        long led = Files.size(dir.resolve("ledger.csv"));
        RecordedAsset c = lib.record(Samples.png(8, 8, 4), Samples.spec("mara", 4), Samples.facts(4));
        // Pretend the process died after the record but before the index and ledger appends.
        DurableFiles.truncate(dir.resolve("index/assets.tsv"), idx);
        DurableFiles.truncate(dir.resolve("ledger.csv"), led);
        new InflightMarker(dir.resolve("tmp/inflight")).write(
                new InflightMarker.Marker("record", c.assetId(), idx, led, List.of()), true);
        VerifyReport r = lib.verify();
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertEquals(3, lib.ledger().rows().size());
        assertEquals(3, lib.find(Query.ALL).size());
    }

    @Test
    void aMarkerOfAChangeThatCompletedIsLeftAlone() throws Exception {
        long idx = Files.size(dir.resolve("index/assets.tsv"));
        long led = Files.size(dir.resolve("ledger.csv"));
        RecordedAsset c = lib.record(Samples.png(8, 8, 5), Samples.spec("mara", 5), Samples.facts(5));
        // Power lost after the record finished but before its "idle" marker reached the disk.
        new InflightMarker(dir.resolve("tmp/inflight")).write(
                new InflightMarker.Marker("record", c.assetId(), idx, led, List.of()), true);
        VerifyReport r = lib.verify();
        assertTrue(r.ok() && r.notes().isEmpty(), r.problems() + " " + r.notes());
        assertEquals(3, lib.ledger().rows().size());
    }

    @Test
    void aDeletedIndexIsRebuiltByTheNextQuery() throws Exception {
        Files.delete(dir.resolve("index/assets.tsv"));
        assertEquals(1, lib.find(Query.ALL.withCharacter("ivo")).size());
        assertTrue(lib.verify().ok());
    }
}
