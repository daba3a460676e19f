package dev.sitter.pack;

import dev.sitter.library.Library;
import dev.sitter.library.RecordedAsset;
import dev.sitter.library.Samples;
import dev.sitter.library.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Packs against a real prompt library: export from recorded assets, import, and verify afterwards. */
class PackLibraryE2ETest {
    @TempDir Path tmp;

    @Test
    void hostileImportsLeaveALibraryThatVerifies() throws Exception {
        Path root = tmp.resolve("library");
        Library lib = Library.open(root);
        lib.record(Samples.png(64, 96, 1), Samples.spec("mara", 1), Samples.facts(1));
        assertTrue(lib.verify().ok(), "precondition");
        Map<String, String> before = TestPacks.tree(root);
        int refused = 0;
        for (PackImportHostileTest.Hostile h : PackImportHostileTest.archives()) {
            Path zip = Files.write(tmp.resolve("hostile.zip"), h.zip().get());
            try {
                new PackImporter(root, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false);
                fail(h.name() + " was imported");
            } catch (PackException e) {
                refused++;
            }
            VerifyReport r = lib.verify();
            assertTrue(r.ok(), h.name() + ": " + r.problems());
        }
        Map<String, String> after = TestPacks.tree(root);
        after.remove("packs");
        assertEquals(before.keySet().stream().filter(k -> !k.equals(".lock")).toList(),
                after.keySet().stream().filter(k -> !k.equals(".lock")).toList());
        assertEquals(PackImportHostileTest.archives().size(), refused);
    }

    @Test
    void exportFromARealLibraryPassesTheChecklistAndImportsIntoAnother() throws Exception {
        Path root = tmp.resolve("library");
        Library lib = Library.open(root);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedAsset a = lib.record(Samples.png(64, 96, i), Samples.spec("mara", 100 + i), Samples.facts(100 + i));
            ids.add(a.assetId());
        }
        Files.createDirectories(tmp.resolve("anchors/mara"));
        Files.write(tmp.resolve("anchors/mara/front.png"), Samples.png(8, 8, 9));
        Path script = Files.writeString(tmp.resolve("mara.groovy"),
                "character('mara') {\n  name 'Mara Voss'\n  anchors { image 'anchors/mara/front.png', pose: 'frontal' }\n}\n");
        ExportRequest req = new ExportRequest("mara-set", "1.0.0", "Ada", "CC-BY-4.0", "2026-01-01", null, List.of(script),
                Set.of(), List.of(root), new LibraryAssets(root).ofCharacter("mara"),
                Map.of("Leonardo Kino XL", "commercial use per Leonardo's terms"), Set.of(), Map.of(), false, null);
        PackExporter.Result ex = new PackExporter().export(req, tmp.resolve("mara-set.zip"));
        assertTrue(ex.manifest().checklist().passed(), ReleaseChecklist.render(ex.manifest().checklist()));
        assertEquals(3, ex.manifest().assets().size());

        Path other = tmp.resolve("other-library");
        Library lib2 = Library.open(other);
        lib2.record(Samples.png(64, 96, 50), Samples.spec("theo", 50), Samples.facts(50));
        PackImporter.Result im = new PackImporter(other, ZipLimits.DEFAULT, DeclarativeGrammar.sitter())
                .importPack(tmp.resolve("mara-set.zip"), false);
        assertTrue(lib2.verify().ok(), lib2.verify().problems().toString());
        assertTrue(lib.verify().ok());

        // the imported scripts read back through the DSL, and the plan replays the recorded requests
        PackScriptRunner.Loaded loaded = PackScriptRunner.load(im.dir(), false);
        assertEquals("Mara Voss", loaded.shell().definitions().character("mara").name());
        ReplayPlan plan = ReplayPlanner.plan(im.dir(), null);
        assertEquals(3, plan.steps().size());
        assertTrue(ids.containsAll(plan.steps().stream().map(ReplayPlan.Step::assetId).toList()));
        assertEquals(Long.valueOf(100), plan.steps().stream().filter(s -> s.assetId().equals(ids.get(0))).findFirst().orElseThrow().spec().seed());
    }
}
