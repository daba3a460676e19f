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
        assertNotNull(ex.manifest().file("contact-sheet.png"), "a PNG contact sheet of the assets");
        // deterministic, contact sheet included
        new PackExporter().export(req, tmp.resolve("again.zip"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("mara-set.zip")), Files.readAllBytes(tmp.resolve("again.zip")));

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

    @Test
    void replayPlanConfirmsThePackScriptsReproduceTheRecordedRequests() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("anchors/mara"));
        Files.write(project.resolve("anchors/mara/front.png"), Samples.png(16, 16, 3));
        Files.write(project.resolve("anchors/mara/profile.png"), Samples.png(16, 16, 4));
        Path script = Files.writeString(project.resolve("mara.groovy"), """
                character('mara') {
                    name 'Mara Voss'
                    age 34
                    hair 'short black bob'
                    anchors {
                        image 'anchors/mara/front.png', pose: 'frontal'
                        image 'anchors/mara/profile.png', pose: 'profile'
                    }
                }
                style('noir') { model 'Leonardo Kino XL'; tokens 'film noir' }
                template('canonical') { style 'noir'; size 832, 1216 }
                def shots = generate mara, template: 'canonical', seed: 5, count: 2
                generate mara, template: 'canonical', seed: 6
                """);
        RecordingStudio studio = new RecordingStudio();
        dev.sitter.dsl.SitterShell.builder().baseDir(project).workDir(project).shippedLibrary(null).studio(studio).build()
                .evalFile(script);
        assertEquals(2, studio.requests().size());
        Path root = tmp.resolve("library");
        Library lib = Library.open(root);
        lib.record(Samples.png(64, 96, 5), studio.requests().get(0), Samples.facts(5));
        lib.record(Samples.png(64, 96, 55), studio.requests().get(0), Samples.facts(5));
        lib.record(Samples.png(64, 96, 6), studio.requests().get(1), Samples.facts(6));

        ExportRequest req = new ExportRequest("mara-set", "2.0.0", "Ada", "CC-BY-4.0", "2026-01-01", null, List.of(script),
                Set.of(), List.of(root), new LibraryAssets(root).ofCharacter("mara"),
                Map.of("Leonardo Kino XL", "ok"), Set.of(), Map.of(), false, null);
        new PackExporter().export(req, tmp.resolve("p.zip"));
        PackImporter.Result im = new PackImporter(tmp.resolve("lib2"), ZipLimits.DEFAULT, DeclarativeGrammar.sitter())
                .importPack(tmp.resolve("p.zip"), false);
        ReplayPlan plan = ReplayPlanner.plan(im.dir(), ScriptRecompiler.from(PackScriptRunner.load(im.dir(), false)));
        assertEquals(3, plan.steps().size());
        assertTrue(plan.steps().stream().allMatch(ReplayPlan.Step::scriptsAgree), plan.warnings().toString());
        // references point at the anchor files inside the pack
        assertEquals("anchors/mara/front.png", plan.steps().get(0).spec().references().get(0).path());

        // two assets came from one request: replay asks for it once
        int[] calls = {0};
        PackReplayer.Report report = PackReplayer.replay(plan, (step, dir, parent) -> {
            calls[0]++;
            return step.spec().seed() == 5 ? List.of(Samples.png(64, 96, 5), Samples.png(64, 96, 55)) : List.of(Samples.png(64, 96, 6));
        });
        assertTrue(report.allIdentical(), report.toString());
        assertEquals(2, calls[0]);
    }
}
