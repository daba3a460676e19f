package dev.sitter.library;

import dev.sitter.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * record() forces independent files in parallel (see Library#write for the order). These cover
 * the crash states that order can leave, and the helpers' failure handling.
 */
class LibraryParallelWritesTest {
    @TempDir Path dir;

    @Test
    void aCrashWhileTheFirstStepRanLeavesOnlyTempFilesThatRecoveryRemoves() throws Exception {
        Library lib = libraryWithOneAsset();
        // Round 1 done (marker durable, original, copy and record staged), nothing renamed yet.
        byte[] png = Samples.png(8, 8, 2);
        String id = Sha256.hex(png);
        Path obj = lib.objectPath(id), copy = dir.resolve("assets/mara/" + id + ".png"), rec = lib.recordPath(id);
        markRecording(lib, id, obj, copy);
        for (Path target : List.of(obj, copy, rec)) DurableFiles.stage(target, png); // never published: temps stay

        VerifyReport r = lib.verify();
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), temps(), "temp files of the interrupted change removed");
        assertFalse(Files.exists(obj) || Files.exists(copy) || Files.exists(rec));
        assertEquals(1, lib.find(Query.ALL).size());
        // and the next recording of the same bytes works
        lib.record(png, Samples.spec("mara", 2), Samples.facts(2));
        assertTrue(lib.verify().ok());
    }

    @Test
    void tempFilesStagedBeforeTheMarkerReachedTheDiskAreRemovedByVerify() throws Exception {
        Library lib = Library.open(dir);
        lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        // Power lost in step 1 before the new marker was durable: the disk still says idle.
        byte[] png = Samples.png(8, 8, 3);
        String id = Sha256.hex(png);
        for (Path target : List.of(lib.objectPath(id), dir.resolve("assets/mara/" + id + ".png"), lib.recordPath(id))) {
            DurableFiles.stage(target, png);
        }
        VerifyReport r = lib.verify();
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), temps());
    }

    @Test
    void imagesRenamedButNoRecordAreUndone() throws Exception {
        Library lib = libraryWithOneAsset();
        // Power lost in round 2 after the images were renamed, before the record was.
        byte[] png = Samples.png(8, 8, 4);
        String id = Sha256.hex(png);
        Path obj = lib.objectPath(id), copy = dir.resolve("assets/mara/" + id + ".png");
        markRecording(lib, id, obj, copy);
        for (Path target : List.of(obj, copy)) {
            try (DurableFiles.Staged s = DurableFiles.stage(target, png)) { s.publish(); }
        }
        DurableFiles.stage(lib.recordPath(id), "{}".getBytes(StandardCharsets.UTF_8));

        assertEquals(1, lib.recover());
        assertFalse(Files.exists(obj) || Files.exists(copy));
        VerifyReport r = lib.verify();
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), temps());
    }

    @Test
    void aRecordAndOriginalOnDiskWhoseCopyIsNotKeepTheAssetAndTheCopyIsMadeAgain() throws Exception {
        Library lib = libraryWithOneAsset();
        // Power lost in the last round: the record and the original reached the disk, the copy's
        // rename did not. Made by recording elsewhere, then taking the copy away. The paid image must
        // survive: a variation cannot be fetched again without paying again.
        byte[] png = Samples.png(8, 8, 5);
        Library other = Library.open(dir.resolve("elsewhere"));
        RecordedAsset a = other.record(png, Samples.spec("mara", 5), Samples.facts(5));
        String id = a.assetId();
        Path obj = lib.objectPath(id), copy = dir.resolve("assets/mara/" + id + ".png"), rec = lib.recordPath(id);
        markRecording(lib, id, obj, copy);
        Files.createDirectories(obj.getParent());
        Files.createDirectories(rec.getParent());
        Files.copy(other.objectPath(id), obj);
        Files.copy(other.recordPath(id), rec);

        assertEquals(1, lib.recover());
        assertTrue(Files.exists(rec) && Files.exists(obj), "record and original kept");
        assertArrayEquals(Files.readAllBytes(a.image()), Files.readAllBytes(copy), "the copy with metadata is made again, same bytes");
        assertTrue(lib.verify().ok(), lib.verify().problems().toString());
        assertEquals(2, lib.find(Query.ALL).size());
        assertEquals(2, lib.ledger().rows().size());
    }

    @Test
    void aRecordOnDiskWhoseOriginalIsNotIsUndone() throws Exception {
        Library lib = libraryWithOneAsset();
        // Power lost in the last round: the record reached the disk, the original's rename did not.
        byte[] png = Samples.png(8, 8, 7);
        Library other = Library.open(dir.resolve("elsewhere"));
        RecordedAsset a = other.record(png, Samples.spec("mara", 7), Samples.facts(7));
        String id = a.assetId();
        Path obj = lib.objectPath(id), copy = dir.resolve("assets/mara/" + id + ".png"), rec = lib.recordPath(id);
        markRecording(lib, id, obj, copy);
        Files.createDirectories(rec.getParent());
        Files.createDirectories(copy.getParent());
        Files.copy(other.recordPath(id), rec);
        Files.copy(a.image(), copy);

        assertEquals(1, lib.recover());
        assertFalse(Files.exists(rec) || Files.exists(obj) || Files.exists(copy), "the unfinished change is undone");
        assertEquals(idx, Files.size(dir.resolve("index/assets.tsv")));
        assertEquals(led, Files.size(dir.resolve("ledger.csv")));
        assertTrue(lib.verify().ok());
        lib.record(png, Samples.spec("mara", 7), Samples.facts(7));
        assertTrue(lib.verify().ok());
        assertEquals(2, lib.find(Query.ALL).size());
    }

    @Test
    void aRecordWithBothImagesButNoIndexLineOrLedgerRowIsFinished() throws Exception {
        Library lib = libraryWithOneAsset();
        byte[] png = Samples.png(8, 8, 6);
        RecordedAsset a = lib.record(png, Samples.spec("mara", 6), Samples.facts(6));
        Path obj = lib.objectPath(a.assetId()), copy = a.image();
        // Power lost in the last round after every file but before the appends reached the disk.
        markRecording(lib, a.assetId(), obj, copy);
        DurableFiles.truncate(dir.resolve("index/assets.tsv"), idx);
        DurableFiles.truncate(dir.resolve("ledger.csv"), led);

        assertEquals(1, lib.recover());
        assertTrue(Files.exists(a.record()) && Files.exists(copy) && Files.exists(obj), "a complete change is kept");
        assertEquals(2, lib.find(Query.ALL).size());
        assertEquals(2, lib.ledger().rows().size());
        assertTrue(lib.verify().ok());
    }

    @Test
    void aFailedTaskIsRethrownAndUnpublishedTempFilesAreDeleted() throws Exception {
        boolean was = DurableFiles.syncEnabled;
        DurableFiles.syncEnabled = true; // the pool path, not the inline one
        try {
            Path target = dir.resolve("a/b.bin");
            IOException thrown = assertThrows(IOException.class, () -> {
                try (ParallelIo.Batch io = new ParallelIo.Batch()) {
                    Future<DurableFiles.Staged> staged = io.submit(() -> DurableFiles.stage(target, new byte[] {1, 2, 3}));
                    io.submit(() -> { throw new IOException("disk full (simulated)"); });
                    io.awaitAll();
                    ParallelIo.getUninterruptibly(staged).publish(); // not reached
                }
            });
            assertEquals("disk full (simulated)", thrown.getMessage());
            assertFalse(Files.exists(target));
            assertEquals(List.of(), temps());

            IOException fromAll = assertThrows(IOException.class, () -> ParallelIo.all(
                    () -> { throw new IOException("first task failed"); }, () -> { }));
            assertEquals("first task failed", fromAll.getMessage());
        } finally {
            DurableFiles.syncEnabled = was;
        }
    }

    @Test
    void aRecordingIsCompleteAndCleanWhenRecordReturns() throws Exception {
        Library lib = Library.open(dir);
        for (int i = 0; i < 5; i++) {
            RecordedAsset a = lib.record(Samples.png(16, 16, 10 + i), Samples.spec("mara", i), Samples.facts(i));
            assertTrue(Files.exists(a.record()) && Files.exists(a.image()));
        }
        assertEquals(List.of(), temps());
        assertEquals("idle", new InflightMarker(dir.resolve("tmp/inflight")).read().op());
        assertEquals(5, lib.ledger().rows().size());
        assertTrue(lib.verify().ok());
    }

    private long idx, led;

    /** A library holding one asset; remembers its index and ledger lengths for {@link #markRecording}. */
    private Library libraryWithOneAsset() throws IOException {
        Library lib = Library.open(dir);
        lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        idx = Files.size(dir.resolve("index/assets.tsv"));
        led = Files.size(dir.resolve("ledger.csv"));
        return lib;
    }

    /** Writes the durable marker a recording of {@code id} creating {@code obj} and {@code copy} starts with. */
    private void markRecording(Library lib, String id, Path obj, Path copy) throws IOException {
        new InflightMarker(dir.resolve("tmp/inflight")).write(
                new InflightMarker.Marker("record", id, idx, led, List.of(lib.rel(obj), lib.rel(copy))), true);
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(DurableFiles::isTemp).toList();
        }
    }
}
