package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.library.RecordedAsset;
import dev.sitter.library.Samples;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LibraryCommandsTest {
    @TempDir Path work;
    Path lib;
    RecordedAsset a, b, c;
    String out, err;

    @BeforeEach
    void setUp() throws Exception {
        lib = work.resolve("my-lib");
        Library l = Library.open(lib);
        a = l.record(Samples.png(8, 8, 1), Samples.spec("mara", 4242), Samples.facts(4242));
        b = l.record(Samples.png(8, 8, 2), Samples.spec("mara", 4243).toBuilder().presetStyle("DYNAMIC").build(),
                dev.sitter.library.GenerationFacts.builder().seedReturned(4243L).step("refine").parentId(a.assetId())
                        .cost(new java.math.BigDecimal("3.5"), "credits").build());
        c = l.record(Samples.png(8, 8, 3), Samples.spec("ivo", 7), Samples.facts(7));
    }

    int run(String... argv) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of("SITTER_LIBRARY", lib.toString()), work, false);
        int code = Main.run(List.of(argv), ctx);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void lsFiltersByCharacterAndFindBySeed() {
        assertEquals(0, run("ls", "--character", "mara"));
        assertEquals(3, out.lines().count(), out); // header + 2
        assertTrue(out.contains(a.assetId().substring(0, 12)) && out.contains("refine") && out.contains("3.5 credits"), out);
        assertFalse(out.contains(c.assetId().substring(0, 12)));

        assertEquals(0, run("find", "--seed", "7"));
        assertEquals(c.assetId() + "\t" + c.image(), out.strip());

        assertEquals(0, run("ls", "--library", lib.toString(), "--step", "refine", "--json"));
        assertEquals(b.assetId(), Json.tree(out.strip()).get("assetId").asText());

        assertEquals(0, run("ls", "--character", "nobody"));
        assertTrue(err.contains("no matching assets"));
        assertEquals(2, run("find"));
        assertTrue(err.contains("at least one filter"));
        assertEquals(2, run("ls", "--seed", "abc"));
        assertTrue(err.contains("--seed must be a whole number"), err);
        assertEquals(2, run("ls", "--from", "yesterday"));
    }

    @Test
    void showByPrefixAndClearErrors() {
        assertEquals(0, run("show", a.assetId().substring(0, 6)));
        assertTrue(out.startsWith("asset     " + a.assetId()), out);
        assertTrue(out.contains(a.image().toString()));
        assertEquals(1, run("show", a.assetId().startsWith("0000") ? "ffff" : "0000"));
        assertTrue(err.startsWith("sitter show: no asset starts with"), err);
        assertFalse(err.contains("Exception"));
        assertEquals(1, run("show", "abcd", "--library", work.resolve("nowhere").toString()));
        assertTrue(err.contains("there is no prompt library with recorded assets at"), err);
    }

    @Test
    void aFilterValueNoAssetHasNamesTheLibrarysValues() {
        assertEquals(0, run("ls", "--step", "refin"));
        assertTrue(err.contains("no asset has step 'refin' (did you mean 'refine'?); steps in this library: explore, refine"), err);
        assertEquals(0, run("ls", "--character", "mra"));
        assertTrue(err.contains("no asset has character 'mra' (did you mean 'mara'?); characters in this library: ivo, mara"), err);
        assertEquals(0, run("ls", "--character", "ivo", "--step", "refine"));
        assertTrue(err.contains("no matching assets") && !err.contains("no asset has"), "both values exist; the combination is empty: " + err);
        assertEquals(2, run("ls", "--qa", "pas"));
        assertTrue(err.contains("(did you mean 'pass'?)"), err);
    }

    @Test
    void aLibraryHoldingOnlyImportedPacksPointsToThem() throws Exception {
        Path packsOnly = work.resolve("packs-only");
        Files.createDirectories(packsOnly.resolve("packs/mara-set/1.0.0"));
        assertEquals(0, run("ls", "--library", packsOnly.toString()), err);
        assertTrue(err.contains("it holds imported packs") && err.contains("sitter ls --imported"), err);
        assertFalse(err.contains("generate something first"), err);
        assertEquals(0, run("ledger", "--library", packsOnly.toString()), err);
        assertTrue(out.contains("nothing recorded") && out.contains("sitter ls --imported"), out);
        assertEquals(1, run("show", "abcd", "--library", packsOnly.toString()));
        assertTrue(err.contains("holds imported packs but no assets of your own") && err.contains("sitter ls --imported"), err);
        assertFalse(Files.exists(packsOnly.resolve("records")), "listing creates nothing");
    }

    @Test
    void diffShowsRecipeFieldsThatDiffer() {
        assertEquals(0, run("diff", a.assetId().substring(0, 8), b.assetId().substring(0, 8)));
        assertTrue(out.contains("request.presetStyle: \"CINEMATIC\" -> \"DYNAMIC\""), out);
        assertTrue(out.contains("request.seed: \"4242\" -> \"4243\""), out);
        assertTrue(out.contains("step: \"explore\" -> \"refine\""), out);
        assertFalse(out.contains("files."), "bookkeeping hidden by default");
        assertEquals(0, run("diff", a.assetId(), a.assetId()));
        assertTrue(out.contains("(same recipe)"));
    }

    @Test
    void replayDryRunPrintsTheExactRequest() throws Exception {
        assertEquals(0, run("replay", a.assetId().substring(0, 8), "--dry-run"));
        PromptSpec spec = Json.MAPPER.readValue(out, PromptSpec.class);
        assertEquals(Samples.spec("mara", 4242), spec);
    }

    @Test
    void verifyExitsNonZeroOnDamage() throws Exception {
        assertEquals(0, run("verify"));
        assertTrue(out.contains("3 records, 6 image files") && out.contains(": ok"), out);
        Files.delete(lib.resolve(a.provenance().files().original().path()));
        assertEquals(1, run("verify"));
        assertTrue(err.startsWith("missing: objects/sha256/"), err);
    }

    @Test
    void priceAndLedgerTotals() throws Exception {
        assertEquals(0, run("price", a.assetId().substring(0, 8), "4.99"));
        assertTrue(Files.readString(lib.resolve("ledger.csv")).contains(",4.99\r\n"));
        assertEquals(0, run("ledger", "--by", "character"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("mara") && l.contains("15.5 credits") && l.contains("4.99 (1 priced)")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ivo") && l.contains("12 credits")), out);
        assertEquals(2, run("price", a.assetId().substring(0, 8), "$5"));
        assertTrue(err.contains("AMOUNT must be a number"));
        assertEquals(0, run("ledger", "--by", "step"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("refine ") && l.contains("3.5 credits")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("explore ") && l.contains("24 credits")), out);
        assertFalse(out.contains("BY MODEL"), out);
        assertEquals(0, run("ledger", "--by", "character+step"));
        assertTrue(out.lines().anyMatch(l -> l.startsWith("mara/refine ") && l.contains("3.5 credits")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("mara/explore ") && l.contains("12 credits")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ivo/explore ") && l.contains("12 credits")), out);
        assertEquals(0, run("ledger"));
        assertTrue(out.contains("BY STEP") && out.contains("BY CHARACTER") && !out.contains("BY CHARACTER/STEP"), out);
        assertEquals(2, run("ledger", "--by", "week"));
        assertTrue(err.contains("character+step"), err);
        assertEquals(0, run("verify"));
    }

    @Test
    void stylesImportWritesDslBlocksAndExportWritesA1111Csv() throws Exception {
        Files.writeString(work.resolve("styles.csv"), "name,prompt,negative_prompt\r\n"
                + "Cinematic Photo,\"{prompt}, film grain, 35mm, it's moody\",\"blurry, lowres\"\r\n"
                + "Plain,\"clean studio light\",\r\n");
        assertEquals(0, run("styles", "import", "styles.csv"));
        String dsl = Files.readString(lib.resolve("blocks/imported/cinematic-photo.groovy"));
        assertTrue(dsl.contains("style('cinematic-photo') {\n    tokens 'film grain', '35mm', 'it\\'s moody'\n}"), dsl);
        assertTrue(dsl.contains("negatives('cinematic-photo') {\n    tokens 'blurry', 'lowres'\n}"), dsl);
        assertFalse(Files.readString(lib.resolve("blocks/imported/plain.groovy")).contains("negatives"));
        assertEquals(0, run("styles", "import", "styles.csv"));
        assertTrue(err.contains("kept existing"));

        assertEquals(0, run("styles", "export", "out.csv", "--character", "ivo"));
        String csv = Files.readString(work.resolve("out.csv"));
        assertTrue(csv.startsWith("name,prompt,negative_prompt\r\nivo-noir-" + c.assetId().substring(0, 8) + ",\"Mara Voss"), csv);

        // mara's two assets share one prompt: exported once
        assertEquals(0, run("styles", "export", "mara.csv", "--character", "mara"));
        assertEquals(2, Files.readString(work.resolve("mara.csv")).split("\r\n").length, "header + one row");

        Files.writeString(work.resolve("bad.csv"), "title,text\r\nx,y\r\n");
        assertEquals(1, run("styles", "import", "bad.csv"));
        assertTrue(err.contains("must be a header"), err);
    }

    @Test
    void stylesImportSaysWhereAPromptPlaceholderWrappedTokensAndSkipsEmptyRows() throws Exception {
        Files.writeString(work.resolve("wrap.csv"), "name,prompt,negative_prompt\r\n"
                + "Oil,\"oil painting of {prompt}, thick impasto\",\"{prompt}, blurry\"\r\n"
                + "Empty,,\r\n"
                + "Only Placeholder,{prompt},\r\n");
        assertEquals(0, run("styles", "import", "wrap.csv"));
        String dsl = Files.readString(lib.resolve("blocks/imported/oil.groovy"));
        assertTrue(dsl.contains("style('oil') {\n    tokens 'oil painting of', 'thick impasto'\n}"), dsl);
        assertTrue(dsl.contains("// A1111 put 'oil painting of' before the user's prompt ({prompt})"), dsl);
        assertTrue(dsl.contains("negatives('oil') {\n    tokens 'blurry'\n}"), dsl);
        assertTrue(err.contains("note: " + work.resolve("wrap.csv") + " row 2 ('Oil'): A1111 puts 'oil painting of' before the user's prompt"), err);
        assertTrue(err.contains("row 3 ('Empty') has no tokens") && err.contains("row 4 ('Only Placeholder') has no tokens"), err);
        assertFalse(Files.exists(lib.resolve("blocks/imported/empty.groovy")), "an empty row writes no tokens ''");
        assertFalse(Files.exists(lib.resolve("blocks/imported/only-placeholder.groovy")));
        assertTrue(out.contains("imported 1 style(s)"), out);
    }

    @Test
    void qaResultsAreRecordedAndFilterable() {
        assertEquals(0, run("qa", a.assetId().substring(0, 8), "scar on the left cheek", "pass", "--score", "0.9"));
        assertEquals(0, run("qa", a.assetId().substring(0, 8), "eyes match the anchors", "fail", "--note", "too blue"));
        assertTrue(out.contains("qa fail (2 check(s))"), out);
        assertEquals(0, run("qa", a.assetId().substring(0, 8), "eyes match the anchors", "pass"));
        assertTrue(out.contains("qa pass (2 check(s))"), out);
        assertEquals(0, run("find", "--qa", "pass"));
        assertEquals(a.assetId() + "\t" + a.image(), out.strip());
        assertEquals(2, run("qa", a.assetId().substring(0, 8), "eyes", "maybe"));
        assertEquals(0, run("verify"));
    }

    @Test
    void anUnwritableLockStillListsAndVerifyExplainsWithoutAStackTrace() throws Exception {
        Files.delete(lib.resolve(".lock"));
        Files.createDirectory(lib.resolve(".lock")); // cannot be opened as a file, even by root
        assertEquals(0, run("ls"));
        assertEquals(1, run("verify"));
        assertTrue(err.startsWith("sitter verify: cannot read or write the library:") && err.contains(".lock"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void journalListsOpenRequestsAndAbandonClosesOne() throws Exception {
        Library l = Library.open(lib);
        String open = l.journal().begin(new dev.sitter.library.Journal.Intent("generate", Samples.spec("mara", 77), null, null));
        String paid = l.journal().begin(new dev.sitter.library.Journal.Intent("refine", Samples.spec("ivo", 78), null, null));
        l.journal().submitted(paid, "gen-78");
        assertEquals(0, run("journal"));
        assertTrue(out.contains(open + "  ") && out.contains("generate mara seed 77  not submitted"), out);
        assertTrue(out.contains("refine ivo seed 78  generation gen-78"), out);
        assertEquals(1, run("journal", "abandon", "jx"));
        assertTrue(err.contains("no open request 'jx'"), err);
        assertEquals(0, run("journal", "abandon", open, "--reason", "checked the web app: never charged"));
        assertEquals(1, l.journal().pending().size());
        assertEquals(paid, l.journal().pending().get(0).id());
        assertEquals(2, run("journal", "forget", open));
    }
}
