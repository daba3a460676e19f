package dev.sitter.pipeline;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.drift.DriftScorer;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PipelineStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class PipelineRunnerTest {
    @TempDir
    Path dir;

    static PipelineStep step(String name, int line, Object... argsThenOptions) {
        TreeMap<String, Object> options = new TreeMap<>();
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < argsThenOptions.length; i++) {
            Object a = argsThenOptions[i];
            if (a instanceof String s && s.endsWith(":")) {
                options.put(s.substring(0, s.length() - 1), argsThenOptions[++i]);
            } else {
                args.add(a);
            }
        }
        return new PipelineStep(name, options, args, line);
    }

    /** The pack pipeline of DESIGN.md, with the QA verdict given in the script. */
    static PipelineDef pack() {
        return new PipelineDef("pack", List.of(
                step("explore", 2, "count:", 8, "size:", "256x384", "steps:", 15),
                step("select", 3, "top:", 2),
                step("refine", 4, "strength:", 0.35),
                step("qa", 5, "eyes match the anchors", "scar on the left cheek", "pass:", true),
                step("upscale", 6, "mode:", "ultra"),
                step("grade", 7, "lut:", "prompt-library/luts/teal-orange.cube"),
                step("export", 8, "png", "jpg", "to:", "EXPORT")));
    }

    /** References: two of the explore images themselves, so those two must win the drift selection. */
    private DriftScorer scorer() {
        return DriftScorer.forImages(List.of(
                Images.decode(FakeOps.image("gen-4242-3", 32, 48), "a"),
                Images.decode(FakeOps.image("gen-4246-2", 32, 48), "b")));
    }

    private PipelineRunner.Settings settings(Path runDir) {
        return PipelineRunner.Settings.of(runDir, "run-1", 4242, scorer())
                .withResolver(p -> p.equals("EXPORT") ? runDir.resolve("out") : Path.of(p));
    }

    @Test
    void runsThePackPipelineEndToEnd() throws Exception {
        FakeOps ops = new FakeOps();
        Path runDir = dir.resolve("run");
        PipelineRunner.RunResult r = new PipelineRunner(ops, settings(runDir)).run(pack());

        // explore 8 in batches of 4 (seeds 4242, 4246: batch b starts at seed + 4b), then 2 refines and 2 upscales: 6 paid ops
        assertEquals(List.of("run-1/s0-explore/batch-0", "run-1/s0-explore/batch-1"),
                ops.paid.keySet().stream().filter(k -> k.contains("explore")).toList());
        assertEquals(6, ops.paid.size());
        assertTrue(ops.paid.values().stream().allMatch(n -> n == 1));
        // select by drift kept exactly the two images that are the references
        assertTrue(r.steps().get(1).summary().startsWith("kept 2 of 8 by drift (0.000, 0.000)"), r.steps().get(1).summary());
        assertEquals(2, r.items().size());
        String journal = Files.readString(r.journal());
        assertTrue(journal.contains("\"id\":\"ref-gen-4242-3\"") && journal.contains("\"id\":\"ref-gen-4246-2\""), journal);
        // upscaled (twice the explore size), graded, exported with sheet and gallery
        Path out = runDir.resolve("out");
        assertTrue(Files.exists(out.resolve("contact-sheet.png")));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("up-ref-gen-4242-3") || html.contains("made from"), html);
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(6, names.size(), names.toString());
            assertEquals(2, names.stream().filter(n -> n.endsWith(".jpg")).count());
        }
        assertEquals(64, Images.read(r.items().get(0).file()).getWidth(), "upscaled from 32 px wide");
        for (var item : r.items()) {
            assertEquals(Boolean.TRUE, item.qa().get("eyes match the anchors"));
            assertTrue(item.drift() < 0.05, "winners are the reference images: " + item.drift());
        }
        assertEquals(7, r.steps().size());
        assertTrue(r.steps().stream().noneMatch(PipelineRunner.StepReport::fromJournal));
    }

    @Test
    void killedAtAnyOpAndRestartedItPaysForNothingTwiceAndEndsTheSame() throws Exception {
        PipelineRunner.RunResult reference = new PipelineRunner(new FakeOps(), settings(dir.resolve("ref"))).run(pack());
        List<String> referenceIds = reference.items().stream().map(Item::id).toList();
        for (int crashAfter = 0; crashAfter < 6; crashAfter++) {
            Path runDir = dir.resolve("crash-" + crashAfter);
            Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
            int finalCrash = crashAfter;
            assertThrows(IllegalStateException.class, () -> new PipelineRunner(new FakeOps(paid, finalCrash), settings(runDir)).run(pack()));
            PipelineRunner.RunResult resumed = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir)).run(pack());
            assertEquals(6, paid.size(), "crash after " + crashAfter + ": " + paid);
            assertTrue(paid.values().stream().allMatch(n -> n == 1), "crash after " + crashAfter + ": " + paid);
            assertEquals(referenceIds, resumed.items().stream().map(Item::id).toList());
        }
    }

    @Test
    void aFinishedRunStartedAgainCallsNoOpAndReportsStepsFromTheJournal() {
        Path runDir = dir.resolve("run");
        new PipelineRunner(new FakeOps(), settings(runDir)).run(pack());
        FakeOps again = new FakeOps();
        PipelineRunner.RunResult r = new PipelineRunner(again, settings(runDir)).run(pack());
        assertTrue(again.paid.isEmpty());
        assertTrue(r.steps().stream().allMatch(PipelineRunner.StepReport::fromJournal));
        assertEquals(2, r.items().size());
    }

    @Test
    void aRunFolderCanBeMovedAndStillResumes() throws Exception {
        Path runDir = dir.resolve("run");
        Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
        assertThrows(IllegalStateException.class, () -> new PipelineRunner(new FakeOps(paid, 4), settings(runDir)).run(pack()));
        Path moved = dir.resolve("moved");
        Files.move(runDir, moved);
        new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(moved)).run(pack());
        assertTrue(paid.values().stream().allMatch(n -> n == 1), paid.toString());
    }

    @Test
    void journaledImagesThatWereDeletedAreNotSilentlyPaidForAgain() throws Exception {
        Path runDir = dir.resolve("run");
        Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
        assertThrows(IllegalStateException.class, () -> new PipelineRunner(new FakeOps(paid, 3), settings(runDir)).run(pack()));
        try (var files = Files.list(runDir.resolve("images"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        PipelineException e = assertThrows(PipelineException.class,
                () -> new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir)).run(pack()));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("Fix:"), e.getMessage());
        assertTrue(paid.values().stream().allMatch(n -> n == 1), paid.toString());
    }

    @Test
    void aTornLastJournalLineIsIgnored() throws Exception {
        Path runDir = dir.resolve("run");
        Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
        assertThrows(IllegalStateException.class, () -> new PipelineRunner(new FakeOps(paid, 3), settings(runDir)).run(pack()));
        Files.writeString(runDir.resolve("journal.jsonl"), "{\"type\":\"op\",\"key\":\"s2-ref", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir)).run(pack());
        assertTrue(paid.values().stream().allMatch(n -> n == 1), paid.toString());
    }

    @Test
    void aDifferentPipelineOrSeedInTheSameFolderIsRefused() {
        Path runDir = dir.resolve("run");
        new PipelineRunner(new FakeOps(), settings(runDir)).run(pack());
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(new FakeOps(),
                PipelineRunner.Settings.of(runDir, "run-1", 7, scorer())).run(pack()));
        assertTrue(e.getMessage().contains("new run folder"), e.getMessage());
    }

    @Test
    void mistakesInThePipelineAreReportedWithTheLineBeforeAnythingIsPaid() {
        FakeOps ops = new FakeOps();
        Map<PipelineDef, String> cases = Map.of(
                new PipelineDef("p", List.of(step("explore", 2), step("dance", 3))), "line 3: step 'dance'",
                new PipelineDef("p", List.of(step("explore", 2), step("refine", 4, "strenght:", 0.3))), "line 4, step refine: strenght: is not an option",
                new PipelineDef("p", List.of(step("explore", 5, "size:", "512by768"))), "line 5, step explore: size: '512by768'",
                new PipelineDef("p", List.of(step("explore", 2), step("refine", 6, "strength:", 1.5))), "strength: 1.5 is not a number in 0.1..0.9",
                new PipelineDef("p", List.of(step("explore", 2), step("grade", 7, "lut:", "no/such.cube"))), "line 7, step grade: cannot read LUT no/such.cube",
                new PipelineDef("p", List.of(step("explore", 2), step("export", 8, "gif"))), "format 'gif' is not supported",
                new PipelineDef("p", List.of(step("explore", 2), step("qa", 9))), "line 9, step qa: no checks given",
                new PipelineDef("p", List.of()), "has no steps");
        cases.forEach((def, expected) -> {
            PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(ops, settings(dir.resolve("bad-" + Math.abs(expected.hashCode())))).run(def));
            assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("Fix:"), e.getMessage());
        });
        assertTrue(ops.paid.isEmpty(), "nothing is paid for a pipeline with a mistake anywhere: " + ops.paid);
    }

    @Test
    void failedQaKeepsImagesFromUpscaleUnlessForced() {
        PipelineDef strict = new PipelineDef("strict", List.of(step("explore", 1, "count:", 2, "size:", "256x384"),
                step("qa", 2, "hairline matches", "pass:", false), step("upscale", 3)));
        FakeOps ops = new FakeOps();
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(ops, settings(dir.resolve("a"))).run(strict));
        assertTrue(e.getMessage().contains("none of the 2 images passed QA") && e.getMessage().contains("force: true"), e.getMessage());
        assertFalse(ops.paid.keySet().stream().anyMatch(k -> k.contains("upscale")));
        PipelineDef forced = new PipelineDef("forced", List.of(step("explore", 1, "count:", 2, "size:", "256x384"),
                step("qa", 2, "hairline matches", "pass:", false), step("upscale", 3, "force:", true)));
        assertEquals(2, new PipelineRunner(new FakeOps(), settings(dir.resolve("b"))).run(forced).items().size());
    }

    @Test
    void automaticQaFailsDriftedImages() {
        PipelineDef auto = new PipelineDef("auto", List.of(step("explore", 1, "count:", 8, "size:", "256x384"), step("qa", 2, "looks like her")));
        // These flat test images are all alike to the features, so judge strictly: only exact matches pass.
        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(), settings(dir.resolve("a")).withJudge(QaJudge.byDrift(0.01))).run(auto);
        long passed = r.items().stream().filter(Item::passedQa).count();
        assertEquals(2, passed, "only the two reference images pass: " + r.steps().get(1).summary());
    }

    @Test
    void selectionWithoutReferencesNeedsAnotherRule() {
        PipelineRunner.Settings noRefs = PipelineRunner.Settings.of(dir.resolve("a"), "r", 1, null);
        PipelineDef byDrift = new PipelineDef("p", List.of(step("explore", 1, "count:", 3, "size:", "256x384"), step("select", 2, "top:", 1, "by:", "drift")));
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(new FakeOps(), noRefs).run(byDrift));
        assertTrue(e.getMessage().contains("pick: [1, 2]"), e.getMessage());
        PipelineDef picked = new PipelineDef("q", List.of(step("explore", 1, "count:", 3, "size:", "256x384"), step("select", 2, "pick:", Arrays.asList(3, 1))));
        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(), PipelineRunner.Settings.of(dir.resolve("b"), "r", 1, null)).run(picked);
        assertEquals(List.of("gen-1-2", "gen-1-0"), r.items().stream().map(Item::id).toList());
        PipelineDef tooFar = new PipelineDef("z", List.of(step("explore", 1, "count:", 3, "size:", "256x384"), step("select", 2, "pick:", List.of(5))));
        PipelineException far = assertThrows(PipelineException.class, () -> new PipelineRunner(new FakeOps(), PipelineRunner.Settings.of(dir.resolve("c"), "r", 1, null)).run(tooFar));
        assertTrue(far.getMessage().contains("only 3 images"), far.getMessage());
    }

    @Test
    void aBadLutNamesTheFileAndLine() throws Exception {
        Path lut = dir.resolve("bad.cube");
        Files.writeString(lut, "LUT_3D_SIZE 2\n0 0 0\n");
        PipelineDef def = new PipelineDef("g", List.of(step("explore", 1, "count:", 1, "size:", "256x384"), step("grade", 9, "lut:", lut.toString())));
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(new FakeOps(), settings(dir.resolve("a"))).run(def));
        assertTrue(e.getMessage().contains("line 9") && e.getMessage().contains("bad.cube:2"), e.getMessage());
    }
}
