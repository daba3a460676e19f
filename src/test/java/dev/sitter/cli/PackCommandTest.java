package dev.sitter.cli;

import dev.sitter.util.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PackCommandTest {
    @TempDir Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, byte[]> originals = new HashMap<>();

    @AfterEach
    void unhook() {
        PackCommand.replayGenerator = null;
    }

    int sitter(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env, tmp, false);
        return Main.run(List.of(args), ctx);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    /** A library in the on-disk layout with n recorded assets of mara, and a script next to it. */
    void library(int n) throws IOException {
        Path lib = tmp.resolve("prompt-library");
        for (int i = 0; i < n; i++) {
            byte[] original = ("original-" + i).getBytes(StandardCharsets.UTF_8);
            String id = Sha256.hex(original);
            originals.put(id, original);
            Path obj = Files.createDirectories(lib.resolve("objects/sha256/" + id.substring(0, 2))).resolve(id.substring(2));
            Files.write(obj, original);
            Path img = Files.createDirectories(lib.resolve("assets/mara")).resolve(id + ".png");
            Files.writeString(img, "PNG with XMP trainedAlgorithmicMedia " + i);
            String record = """
                    {"schema":"sitter.provenance/1","assetId":"%s","aiGenerated":true,"step":"generate",
                     "request":{"surface":"V1","modelId":"m-1","modelName":"Leonardo Kino XL","prompt":"Mara Voss","width":832,"height":1216,
                                "seed":%d,"isPublic":false,"recipe":{"characterId":"mara","templateId":"canonical"}},
                     "cost":{"amount":1.5,"unit":"credits"},"backend":{"kind":"sandbox","baseUrl":"http://127.0.0.1:1"},
                     "tool":"sitter/dev","times":{"recordedAt":"2026-03-0%dT00:00:00Z"},
                     "files":{"original":{"path":"objects/sha256/%s/%s"},"embedded":{"path":"assets/mara/%s.png"}}}
                    """.formatted(id, 100 + i, 1 + i % 9, id.substring(0, 2), id.substring(2), id);
            Files.writeString(Files.createDirectories(lib.resolve("records/" + id.substring(0, 2))).resolve(id + ".json"), record);
        }
        Files.createDirectories(tmp.resolve("anchors"));
        Files.write(tmp.resolve("anchors/front.png"), dev.sitter.library.Samples.png(8, 8, 1));
        Files.writeString(tmp.resolve("mara.groovy"), """
                character('mara') {
                    name 'Mara Voss'
                    anchors { image 'anchors/front.png', pose: 'frontal' }
                }
                generate mara, seed: 1
                """);
    }

    List<String> exportArgs(String... extra) {
        List<String> a = new ArrayList<>(List.of("pack", "export", "mara-set", "--script", "mara.groovy", "--assets-of", "mara",
                "--author", "Ada", "--license", "CC-BY-4.0", "--model-note", "Leonardo Kino XL=commercial use allowed"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void exportCheckImportReplay() throws IOException {
        library(3);
        assertEquals(1, sitter(Map.of(), exportArgs().toArray(String[]::new)), out() + err());
        assertTrue(err().contains("--tos-reviewed"), err());
        assertFalse(Files.exists(tmp.resolve("mara-set-1.0.0.zip")));

        assertEquals(0, sitter(Map.of(), exportArgs("--tos-reviewed", "2026-02-01").toArray(String[]::new)), out() + err());
        assertTrue(out().contains("release checklist passed"), out());
        Path zip = tmp.resolve("mara-set-1.0.0.zip");
        assertTrue(Files.exists(zip));

        assertEquals(0, sitter(Map.of(), "pack", "check", "mara-set-1.0.0.zip"), out() + err());
        assertEquals(0, sitter(Map.of(), "pack", "import", "mara-set-1.0.0.zip", "--library", "other-lib"), out() + err());
        assertTrue(out().contains("imported mara-set 1.0.0 by Ada"), out());
        assertTrue(Files.exists(tmp.resolve("other-lib/packs/mara-set/1.0.0/mara-set.groovy")));

        // through the sandbox, these hand-written records cannot come back identical: reported, exit 1
        assertEquals(1, sitter(Map.of(), "pack", "replay", "mara-set-1.0.0.zip", "--library", "other-lib"), out() + err());
        assertTrue(out().contains("replay plan: 3 assets"), out());
        assertTrue(out().contains("did not regenerate identically"), out());

        // with a generator that serves the same bytes: all identical
        PackCommand.replayGenerator = ctx -> (step, dir, parent) -> java.util.List.of(originals.get(step.assetId()));
        assertEquals(0, sitter(Map.of(), "pack", "replay", "mara-set/1.0.0", "--library", "other-lib"), out() + err());
        assertTrue(out().contains("all 3 assets regenerated byte-identical"), out());

        // and one that drifts is reported
        PackCommand.replayGenerator = ctx -> (step, dir, parent) -> java.util.List.of("drifted".getBytes());
        assertEquals(1, sitter(Map.of(), "pack", "replay", "mara-set/1.0.0", "--library", "other-lib"), out() + err());
        assertTrue(out().contains("DIFFERENT"), out());
    }

    @Test
    void importedAssetsAreListedAndShownApartFromTheUsersOwnAndTheirLedger() throws IOException {
        library(3);
        assertEquals(0, sitter(Map.of(), exportArgs("--tos-reviewed", "2026-02-01").toArray(String[]::new)), out() + err());
        dev.sitter.library.Library mine = dev.sitter.library.Library.open(tmp.resolve("other-lib"));
        String own = mine.record(dev.sitter.library.Samples.png(8, 8, 5), dev.sitter.library.Samples.spec("theo", 5),
                dev.sitter.library.Samples.facts(5)).assetId();
        assertEquals(0, sitter(Map.of(), "ledger", "--library", "other-lib"), err());
        String ledgerBefore = out();

        assertEquals(0, sitter(Map.of(), "pack", "import", "mara-set-1.0.0.zip", "--library", "other-lib"), out() + err());
        assertTrue(out().contains("sitter ls --pack mara-set/1.0.0"), out());

        // plain ls: the user's own, with a pointer to the imported ones
        assertEquals(0, sitter(Map.of(), "ls", "--library", "other-lib"), err());
        assertTrue(out().contains(own.substring(0, 12)) && !out().contains("mara"), out());
        assertTrue(err().contains("sitter ls --imported"), err());

        // --imported / --pack: the pack's portraits with their pack and the author's cost, said to be outside the ledger
        assertEquals(0, sitter(Map.of(), "ls", "--imported", "--library", "other-lib"), err());
        String listed = out();
        for (String id : originals.keySet()) assertTrue(listed.contains(id.substring(0, 12)), listed);
        assertTrue(listed.contains("AUTHOR'S COST") && listed.contains("mara-set/1.0.0") && listed.contains("1.5 credits"), listed);
        assertFalse(listed.contains(own.substring(0, 12)), listed);
        assertTrue(err().contains("3 imported asset(s); the authors spent 4.5 credits on them, which is not in your ledger"), err());
        assertEquals(0, sitter(Map.of(), "ls", "--pack", "mara-set", "--seed", "101", "--json", "--library", "other-lib"), err());
        assertEquals(1, out().lines().count(), out());
        com.fasterxml.jackson.databind.JsonNode row = dev.sitter.model.Json.tree(out().strip());
        assertEquals("mara-set", row.get("pack").asText());
        assertEquals(101, row.get("seed").asInt());
        assertTrue(Files.isRegularFile(Path.of(row.get("image").asText())), row.toString());
        assertEquals(0, sitter(Map.of(), "find", "--pack", "mara-set/1.0.0", "--library", "other-lib"), err());
        assertEquals(3, out().lines().count(), out());

        // show finds an imported asset by prefix and says whose it is
        String theirs = originals.keySet().iterator().next();
        assertEquals(0, sitter(Map.of(), "show", theirs.substring(0, 8), "--library", "other-lib"), err());
        assertTrue(out().contains("pack      mara-set/1.0.0 (imported") && out().contains("\"assetId\" : \"" + theirs), out());
        assertEquals(0, sitter(Map.of(), "show", own.substring(0, 8), "--library", "other-lib"), err());
        assertFalse(out().contains("pack      "), out());
        assertEquals(1, sitter(Map.of(), "replay", theirs.substring(0, 8), "--library", "other-lib"));
        assertTrue(err().contains("is in the imported pack mara-set/1.0.0") && err().contains("sitter pack replay mara-set/1.0.0"), err());

        // the user's ledger did not change
        assertEquals(0, sitter(Map.of(), "ledger", "--library", "other-lib"), err());
        assertEquals(ledgerBefore, out());
        assertTrue(mine.verify().ok(), mine.verify().problems().toString());

        // mistakes and hostile records: one sentence naming the fix; terminal escapes never reach the screen
        assertEquals(1, sitter(Map.of(), "ls", "--pack", "nope", "--library", "other-lib"));
        assertTrue(err().contains("no pack 'nope' is imported") && err().contains("sitter ls --imported"), err());
        assertEquals(1, sitter(Map.of(), "ls", "--pack", "../x", "--library", "other-lib"));
        assertTrue(err().contains("is not a pack name"), err());
        assertEquals(1, sitter(Map.of(), "ls", "--imported", "--library", "prompt-library"));
        assertTrue(err().contains("no pack is imported into"), err());
        Path records = tmp.resolve("other-lib/packs/mara-set/1.0.0/records");
        List<Path> recs;
        try (var st = Files.list(records)) { recs = st.sorted().toList(); }
        Files.writeString(recs.get(0), Files.readString(recs.get(0)).replace("\"characterId\":\"mara\"", "\"characterId\":\"\\u001b[2Jevil\""));
        Files.writeString(recs.get(1), "{ not json");
        assertEquals(0, sitter(Map.of(), "ls", "--imported", "--library", "other-lib"), err());
        assertFalse(out().contains("\u001b"), "no raw escape in the table");
        assertTrue(out().contains("?[2Jevil"), out());
        assertTrue(err().contains("warning: pack mara-set/1.0.0: record " + "records/" + recs.get(1).getFileName() + " cannot be read"), err());
        assertEquals(3, out().lines().count(), "header and the two readable records: " + out());

        // show prints a stranger's whole record: C1 controls and bidi overrides come out escaped, never raw
        String hostile = Files.readString(recs.get(2)).replace("\"characterId\":\"mara\"",
                "\"characterId\":\"\u009b2J\u202eevil\u2066\"");
        assertNotEquals(Files.readString(recs.get(2)), hostile, "the record was changed");
        Files.writeString(recs.get(2), hostile);
        String hostileId = dev.sitter.model.Json.tree(hostile).get("assetId").asText();
        assertEquals(0, sitter(Map.of(), "show", hostileId.substring(0, 12), "--library", "other-lib"), err());
        for (char c : new char[]{'\u009b', '\u202e', '\u2066', '\u001b'}) {
            assertEquals(-1, out().indexOf(c), "no raw U+" + Integer.toHexString(c) + " on the screen: " + out());
        }
        assertTrue(out().contains("\\u009b2J\\u202eevil\\u2066"), "shown escaped, as JSON: " + out());
    }

    @Test
    void hostileImportGivesOneParagraphAndExitOne() throws IOException {
        Files.writeString(tmp.resolve("evil.zip"), "not a zip");
        assertEquals(1, sitter(Map.of(), "pack", "import", "evil.zip"));
        assertTrue(err().startsWith("sitter pack import: pack archive evil.zip"), err());
        assertFalse(err().contains("at dev.sitter"), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("prompt-library/packs/evil")));
    }

    @Test
    void apiKeyInAFileFailsTheChecklistWithoutPrintingIt() throws IOException {
        library(1);
        Files.writeString(tmp.resolve("mara.groovy"), Files.readString(tmp.resolve("mara.groovy"))
                .replace("name 'Mara Voss'", "name 'Mara Voss'\n    hair 'key-0123456789abcdef'"));
        assertEquals(1, sitter(Map.of("LEONARDO_API_KEY", "key-0123456789abcdef"),
                exportArgs("--tos-reviewed", "2026-02-01").toArray(String[]::new)));
        assertTrue(err().contains("the key appears in mara-set.groovy"), err());
        assertFalse((out() + err()).contains("key-0123456789abcdef"));
    }

    @Test
    void usageErrors() {
        assertEquals(2, sitter(Map.of(), "pack"));
        assertEquals(2, sitter(Map.of(), "pack", "frobnicate"));
        assertEquals(2, sitter(Map.of(), "pack", "export", "x"));
        assertTrue(err().contains("--script"), err());
    }

    @Test
    void replayRejectsATruncatedZipBeforeStartingTheSandbox() throws IOException {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("pack.json"));
            z.write("{\"format\":\"sitter.pack/1\"}".repeat(50).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] whole = zip.toByteArray();
        Files.write(tmp.resolve("trunc.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(ExitCodes.SCRIPT_ERROR, sitter(Map.of("HOME", tmp.toString()), "pack", "replay", "trunc.zip"), err());
        assertTrue(err().contains("trunc.zip"), err());
        assertFalse(out().contains(dev.sitter.sandbox.Sandbox.OFFLINE_NOTICE) || err().contains(dev.sitter.sandbox.Sandbox.OFFLINE_NOTICE),
                "the archive is checked before any backend opens: " + err());
    }
}
