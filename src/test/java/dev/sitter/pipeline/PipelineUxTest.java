package dev.sitter.pipeline;

import dev.sitter.model.PipelineDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sitter.imaging.Images;

import java.nio.file.Path;
import java.util.List;

import static dev.sitter.pipeline.PipelineRunnerTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a first-time user meets running pipelines: mistakes caught before paying, honest reports. */
class PipelineUxTest {
    @TempDir Path dir;

    private PipelineRunner.Settings settings(Path runDir) {
        return PipelineRunner.Settings.of(runDir, "run-1", 4242, null);
    }

    @Test
    void anUnknownUpscaleModeIsRefusedBeforeAnythingIsPaidOrPriced() {
        PipelineDef mega = new PipelineDef("p", List.of(step("explore", 1, "count:", 2, "size:", "256x384"),
                step("upscale", 2, "mode:", "mega")));
        FakeOps ops = new FakeOps();
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(ops, settings(dir.resolve("a"))).run(mega));
        assertTrue(e.getMessage().contains("line 2, step upscale: upscale mode 'mega' is not known. Fix: use mode: 'standard', 'ultra' or 'classic'"),
                e.getMessage());
        assertTrue(ops.paid.isEmpty(), "nothing paid: " + ops.paid);
        PipelineException priced = assertThrows(PipelineException.class, () -> new PipelinePricer(4)
                .estimate(mega, "mara", ResumedEstimateTest.PRICES, RunProgress.of(dir.resolve("b"), mega, 7)));
        assertEquals(e.getMessage(), priced.getMessage());
        for (String ok : List.of("standard", "ultra", "classic")) {
            new PipelineRunner(new FakeOps(), settings(dir.resolve(ok))).run(new PipelineDef("p", List.of(
                    step("explore", 1, "count:", 1, "size:", "256x384"), step("upscale", 2, "mode:", ok))));
        }
    }

    @Test
    void summariesCountInEnglish() {
        PipelineDef one = new PipelineDef("p", List.of(step("explore", 1, "count:", 1, "size:", "256x384"),
                step("qa", 2, "hairline matches", "pass:", true)));
        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(), settings(dir.resolve("one"))).run(one);
        assertEquals("1 check on 1 image: 1 passed, 0 failed", r.steps().get(1).summary());
    }

    /** FakeOps that, like the Studio, promise their sizes: explore makes what it is asked, refine makes 64x96. */
    private static PortraitOps sized(FakeOps fake) {
        return new PortraitOps() {
            @Override public List<Produced> generate(String k, int n, int w, int h, Integer steps, long seed) { return fake.generate(k, n, w, h, steps, seed); }
            @Override public Produced refine(String k, Produced s, double strength) { return fake.refine(k, s, strength); }
            @Override public Produced upscale(String k, Produced s, String mode) { return fake.upscale(k, s, mode); }
            @Override public Produced inpaint(String k, Produced s, Path m, String p, double st) { return fake.inpaint(k, s, m, p, st); }
            @Override public int[] generatedSize(int w, int h) { return new int[]{w, h}; }
            @Override public int[] refinedSize(int w, int h) { return new int[]{64, 96}; }
        };
    }

    @Test
    void anAllBlackMaskIsRefusedBeforeExploreAndRefineArePaid() {
        int w = 32, h = 48;
        Path black = dir.resolve("black.png");
        Images.writePng(Images.fromPixels(new int[w * h], w, h), black);
        FakeOps ops = new FakeOps();
        PipelineDef def = new PipelineDef("b", List.of(step("explore", 1, "count:", 2, "size:", "256x384"),
                step("refine", 2, "strength:", 0.35), step("inpaint", 3, "mask:", black.toString())));
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(ops, settings(dir.resolve("b"))).run(def));
        assertTrue(e.getMessage().contains("line 3, step inpaint: the mask file " + black + " is black all over"), e.getMessage());
        assertTrue(ops.paid.isEmpty(), "nothing paid: " + ops.paid);
    }

    @Test
    void aMaskOfTheWrongSizeIsRefusedBeforeAnythingIsPaidWhenThePipelineFixesTheSize() {
        Path mask = EditStepsTest.mask(dir.resolve("eyes.png"), 256, 384);  // explore's size, but refine makes 64x96
        FakeOps fake = new FakeOps();
        PipelineDef def = new PipelineDef("w", List.of(step("explore", 1, "count:", 2, "size:", "256x384"),
                step("select", 2, "top:", 1, "by:", "order"), step("refine", 3, "strength:", 0.35),
                step("composite", 4, "from:", "master", "mask:", mask.toString())));
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(sized(fake), settings(dir.resolve("w"))).run(def));
        assertTrue(e.getMessage().contains("line 4, step composite: the mask file " + mask + " is 256x384 but each image reaching this step"
                + " is 64x96"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: draw the mask at 64x96") && e.getMessage().contains("Nothing was paid."), e.getMessage());
        assertTrue(fake.paid.isEmpty(), "nothing paid: " + fake.paid);
    }

    @Test
    void aMissingMaskIsNamedAsWrittenWithEveryPlaceSearched() {
        Path script = dir.resolve("scripts"), lib = dir.resolve("lib");
        PipelineRunner.SearchPath search = new PipelineRunner.SearchPath() {
            @Override public List<Path> places(String written) { return List.of(script.resolve(written), lib.resolve(written)); }
            @Override public Path apply(String written) { return lib.resolve(written); }
        };
        PipelineDef def = new PipelineDef("m", List.of(step("explore", 1, "size:", "256x384"), step("inpaint", 2, "mask:", "masks/nope.png")));
        FakeOps ops = new FakeOps();
        PipelineException e = assertThrows(PipelineException.class,
                () -> new PipelineRunner(ops, settings(dir.resolve("m")).withResolver(search)).run(def));
        assertTrue(e.getMessage().contains("the mask 'masks/nope.png' was not found; looked in " + script.resolve("masks/nope.png")
                + ", then " + lib.resolve("masks/nope.png")), e.getMessage());
        assertTrue(e.getMessage().contains("save it as " + script.resolve("masks/nope.png") + " (beside the script)"), e.getMessage());
        assertTrue(ops.paid.isEmpty());
    }

    @Test
    void exploreBatchesStartAtSeedPlusTheBatchSizeAsTheDocsSay() {
        List<Long> seeds = new java.util.ArrayList<>();
        FakeOps fake = new FakeOps();
        PortraitOps recording = new PortraitOps() {
            @Override public List<Produced> generate(String k, int n, int w, int h, Integer steps, long seed) {
                seeds.add(seed);
                return fake.generate(k, n, w, h, steps, seed);
            }
            @Override public Produced refine(String k, Produced s, double strength) { return fake.refine(k, s, strength); }
            @Override public Produced upscale(String k, Produced s, String mode) { return fake.upscale(k, s, mode); }
        };
        new PipelineRunner(recording, settings(dir.resolve("s"))).run(new PipelineDef("p", List.of(step("explore", 1, "count:", 10, "size:", "256x384"))));
        assertEquals(List.of(4242L, 4246L, 4250L), seeds, "docs/pipelines.md: batch b uses seed + 4b");
    }

    @Test
    void aQaStepJudgedByDriftSaysSoInItsSummary() {
        PipelineDef auto = new PipelineDef("a", List.of(step("explore", 1, "count:", 1, "size:", "256x384"), step("qa", 2, "eyes", "scar")));
        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(), settings(dir.resolve("a"))).run(auto);
        assertTrue(r.steps().get(1).summary().endsWith("(each judged by drift <= 0.25, not by reading the checks)"), r.steps().get(1).summary());
    }
}
