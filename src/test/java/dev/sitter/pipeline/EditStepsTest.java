package dev.sitter.pipeline;

import dev.sitter.imaging.Images;
import dev.sitter.model.PipelineDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sitter.pipeline.PipelineRunnerTest.step;
import static org.junit.jupiter.api.Assertions.*;

/** {@code inpaint} and {@code composite} as pipeline steps: journaled per image, checked before anything is paid. */
class EditStepsTest {
    @TempDir Path dir;

    /** A mask of the explore images' size on FakeOps (256x384 / 8): white in a box around the "eyes". */
    static Path mask(Path file, int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean patch = x >= w / 4 && x < 3 * w / 4 && y >= h / 4 && y < h / 2;
                px[y * w + x] = patch ? 0xffffffff : 0xff000000;
            }
        }
        Images.writePng(Images.fromPixels(px, w, h), file);
        return file;
    }

    private PipelineRunner.Settings settings(Path runDir) {
        return PipelineRunner.Settings.of(runDir, "run-1", 7, null);
    }

    private PipelineDef edits(Path mask) {
        return new PipelineDef("edits", List.of(
                step("explore", 1, "count:", 3, "size:", "256x384"),
                step("select", 2, "pick:", List.of(1, 3)),
                step("inpaint", 3, "mask:", mask.toString(), "prompt:", "+ clear green eyes"),
                step("composite", 4, "from:", "master", "mask:", mask.toString()),
                step("grade", 5, "lut:", "prompt-library/luts/teal-orange.cube")));
    }

    @Test
    void inpaintAndCompositeRunOncePerImageWithLineage() {
        Path mask = mask(dir.resolve("eyes.png"), 32, 48);
        FakeOps ops = new FakeOps();
        PipelineRunner.RunResult r = new PipelineRunner(ops, settings(dir.resolve("run"))).run(edits(mask));
        assertEquals(5, ops.paid.size(), ops.paid.toString());
        assertEquals(2, ops.paid.keySet().stream().filter(k -> k.startsWith("run-1/s2-inpaint/")).count(), ops.paid.toString());
        assertEquals(List.of("run-1/s3-composite/inp-gen-7-0", "run-1/s3-composite/inp-gen-7-2"),
                ops.paid.keySet().stream().filter(k -> k.contains("composite")).toList());
        assertTrue(r.steps().get(2).summary().startsWith("inpainted 2 through eyes.png at strength 0.50, prompt '+ clear green eyes'"),
                r.steps().get(2).summary());
        assertTrue(r.steps().get(3).summary().startsWith("composited 2 from master"), r.steps().get(3).summary());
        // graded items descend from the composites, which descend from the inpaints, which descend from the explore images
        String journal = read(r.journal());
        assertTrue(journal.contains("\"id\":\"cmp-inp-gen-7-0\"") && journal.contains("\"parent\":\"inp-gen-7-0\""), journal);
        assertTrue(journal.contains("\"id\":\"inp-gen-7-2\"") && journal.contains("\"parent\":\"gen-7-2\""), journal);
        assertEquals(2, r.items().size());
    }

    @Test
    void killedMidwayAndStartedAgainItPaysForNoInpaintOrCompositeTwice() {
        Path mask = mask(dir.resolve("eyes.png"), 32, 48);
        List<String> reference = new PipelineRunner(new FakeOps(), settings(dir.resolve("ref"))).run(edits(mask))
                .items().stream().map(Item::id).toList();
        for (int crashAfter = 1; crashAfter < 5; crashAfter++) {
            Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
            Path runDir = dir.resolve("crash-" + crashAfter);
            int c = crashAfter;
            assertThrows(IllegalStateException.class, () -> new PipelineRunner(new FakeOps(paid, c), settings(runDir)).run(edits(mask)));
            List<String> resumed = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir)).run(edits(mask))
                    .items().stream().map(Item::id).toList();
            assertEquals(5, paid.size(), paid.toString());
            assertTrue(paid.values().stream().allMatch(n -> n == 1), "crash after " + c + ": " + paid);
            assertEquals(reference, resumed);
        }
    }

    @Test
    void badMasksAndPatchSourcesAreRefusedWithFileLineAndFixBeforeAnythingIsPaid() throws Exception {
        Path jpeg = dir.resolve("eyes.jpg");
        Files.write(jpeg, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        Path good = mask(dir.resolve("eyes.png"), 32, 48);
        Map<PipelineDef, String> cases = Map.of(
                new PipelineDef("a", List.of(step("explore", 1, "size:", "256x384"), step("inpaint", 4, "mask:", "no/such-mask.png"))),
                "line 4, step inpaint: the mask 'no/such-mask.png' was not found; looked at no/such-mask.png",
                new PipelineDef("b", List.of(step("explore", 1, "size:", "256x384"), step("inpaint", 5, "mask:", jpeg.toString()))),
                "line 5, step inpaint: the mask file " + jpeg + " is not a PNG (it is a JPEG)",
                new PipelineDef("c", List.of(step("explore", 1, "size:", "256x384"), step("inpaint", 6))),
                "line 6, step inpaint: mask: is required",
                new PipelineDef("d", List.of(step("explore", 1, "size:", "256x384"), step("composite", 7, "from:", "abc123", "mask:", good.toString()))),
                "line 7, step composite: composite from: 'abc123' is not an asset",
                new PipelineDef("e", List.of(step("explore", 1, "size:", "256x384"), step("composite", 8, "mask:", good.toString()))),
                "line 8, step composite: from: is required",
                new PipelineDef("f", List.of(step("explore", 1, "size:", "256x384"), step("composite", 9, "from:", "master", "mask:", good.toString(), "denoise:", 0.05))),
                "line 9, step composite: denoise: 0.05 is not a number in 0.2..0.9");
        FakeOps ops = new FakeOps();
        cases.forEach((def, expected) -> {
            PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(ops, settings(dir.resolve("bad-" + def.id()))).run(def));
            assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("Fix:"), e.getMessage());
        });
        assertTrue(ops.paid.isEmpty(), "nothing paid: " + ops.paid);
    }

    @Test
    void aMaskOfTheWrongSizeStopsBeforeThatImagesOpAndTheRunResumesAfterTheFix() {
        Path mask = mask(dir.resolve("eyes.png"), 64, 96);
        FakeOps ops = new FakeOps();
        PipelineDef def = new PipelineDef("w", List.of(step("explore", 1, "count:", 2, "size:", "256x384"),
                step("inpaint", 3, "mask:", mask.toString())));
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(ops, settings(dir.resolve("run"))).run(def));
        assertTrue(e.getMessage().contains("line 3, step inpaint: the mask file " + mask + " is 64x96 but image")
                && e.getMessage().contains("is 32x48") && e.getMessage().contains("Fix: draw the mask at 32x48"), e.getMessage());
        assertEquals(List.of("run-1/s0-explore/batch-0"), List.copyOf(ops.paid.keySet()), "the inpaint was not paid");
        mask(mask, 32, 48);
        new PipelineRunner(ops, settings(dir.resolve("run"))).run(def);
        assertEquals(3, ops.paid.size());
        assertTrue(ops.paid.values().stream().allMatch(n -> n == 1), ops.paid.toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
