package dev.sitter.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JournalAndCsvTest {
    @TempDir Path dir;

    @Test
    void intentsStayPendingUntilCompletedOrAbandoned() throws Exception {
        Journal j = Library.open(dir).journal();
        String a = j.begin(new Journal.Intent("generate", Samples.spec("mara", 1), null, "first"));
        String b = j.begin(new Journal.Intent("refine", Samples.spec("mara", 2), "p".repeat(64), null));
        String c = j.begin(new Journal.Intent("upscale", null, null, null));
        j.submitted(b, "gen-b");
        j.complete(a, List.of("x"));
        j.abandon(c, "HTTP 400: nothing charged");
        List<Journal.Pending> p = j.pending();
        assertEquals(1, p.size());
        assertEquals(b, p.get(0).id());
        assertEquals("gen-b", p.get(0).generationId());
        assertEquals(Samples.spec("mara", 2), p.get(0).intent().spec());
        assertNotEquals(a, b);
    }

    @Test
    void aTornLastLineIsIgnoredAndCutBeforeTheNextAppend() throws Exception {
        Journal j = Library.open(dir).journal();
        String a = j.begin(new Journal.Intent("generate", null, null, null));
        Files.writeString(j.file(), "0badc0de {\"op\":\"complete\",\"id\":\"" + a, StandardOpenOption.APPEND); // crash mid-line
        assertEquals(1, j.pending().size());
        assertTrue(j.read().problems().isEmpty(), "a torn tail is expected after a crash, not corruption");
        j.complete(a, List.of());
        assertEquals(0, j.pending().size());
        assertTrue(j.read().problems().isEmpty());
        assertEquals(2, Files.readAllLines(j.file()).size());
    }

    @Test
    void aLargeJournalMovesClosedIntentsToTheArchiveAndKeepsOpenOnes() throws Exception {
        Journal j = Library.open(dir).journal();
        long before = Journal.compactAbove;
        Journal.compactAbove = 20_000;
        try {
            String open = j.begin(new Journal.Intent("generate", Samples.spec("mara", 1), null, null));
            j.submitted(open, "gen-open");
            for (int i = 0; i < 40; i++) {
                String id = j.begin(new Journal.Intent("generate", Samples.spec("mara", 100 + i), null, null));
                j.complete(id, List.of("a" + i));
            }
            assertTrue(Files.size(j.file()) < 20_000 + 3_000, "compacted: " + Files.size(j.file()));
            try (var s = Files.list(dir.resolve("journal/archive"))) {
                assertTrue(s.count() >= 1);
            }
            List<Journal.Pending> p = j.pending();
            assertEquals(1, p.size());
            assertEquals(open, p.get(0).id());
            assertEquals("gen-open", p.get(0).generationId());
            assertTrue(Library.open(dir).verify().ok());
        } finally {
            Journal.compactAbove = before;
        }
    }

    @Test
    void csvQuotesPerRfc4180AndParsesBack() {
        List<String> row = List.of("plain", "with, comma", "with \"quotes\"", "multi\nline", "");
        String text = Csv.row(row);
        assertEquals("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"multi\nline\",\r\n", text);
        assertEquals(List.of(row, row), Csv.parse(text + text));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), Csv.parse("a,b\nc,d"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("\"open"));
    }

    @Test
    void ledgerRowsSurviveCommasQuotesAndNewlinesInPrompts() throws Exception {
        Library lib = Library.open(dir);
        String prompt = "Mara, \"the fox\"\nsecond line";
        RecordedAsset a = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1).toBuilder().prompt(prompt).build(), Samples.facts(1));
        lib.setPrice(a.assetId(), new java.math.BigDecimal("4.99"));
        Ledger.Row r = lib.ledger().rows().get(0);
        assertEquals(prompt, r.prompt());
        assertEquals("4.99", r.finalAssetPrice());
        assertEquals(String.join(",", Ledger.COLUMNS), Files.readString(lib.ledger().file(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertTrue(lib.verify().ok());
    }

    @Test
    void qaCanBeAddedLaterAndIsFilterable() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset a = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        lib.record(Samples.png(8, 8, 2), Samples.spec("mara", 2), Samples.facts(2));
        lib.setQa(a.assetId(), List.of(new dev.sitter.model.Provenance.QaResult("scar on the left cheek", "pass", 0.93, null, null)));
        assertEquals(1, lib.find(Query.ALL.withQa("pass")).size());
        assertEquals(1, lib.find(Query.ALL.withQa("none")).size());
        assertEquals("pass", lib.get(a.assetId()).qaStatus());
        assertTrue(lib.verify().ok(), "the embedded copy keeps the first record; QA changes do not break verify");
    }
}
