package dev.sitter.pipeline;

import dev.sitter.model.PipelineDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sitter.pipeline.PipelineRunnerTest.step;
import static org.junit.jupiter.api.Assertions.*;

/** An estimate of a run that will resume prices only the ops its journal does not show paid. */
class ResumedEstimateTest {
    @TempDir Path dir;

    /** Round prices: 10 per explore image, 7 per refine, 5 per inpaint, 20 per upscale. */
    static final PriceList PRICES = new PriceList() {
        @Override public long generate(int count, int width, int height, Integer steps) { return 10L * count; }
        @Override public long refine(int width, int height, Integer steps, double strength) { return 7; }
        @Override public int[] refined(int width, int height) { return new int[]{width, height}; }
        @Override public Long upscale(String mode, int width, int height) { return 20L; }
        @Override public int[] upscaled(String mode, int width, int height) { return new int[]{width * 2, height * 2}; }
        @Override public long inpaint(int width, int height, Integer steps) { return 5; }
    };

    private PipelineDef pipeline() {
        return new PipelineDef("pack", List.of(
                step("explore", 1, "count:", 6, "size:", "256x384"),
                step("select", 2, "pick:", List.of(1, 2)),
                step("refine", 3, "strength:", 0.35),
                step("inpaint", 4, "mask:", EditStepsTest.mask(dir.resolve("eyes.png"), 32, 48).toString()),
                step("upscale", 5)));
    }

    @Test
    void aFreshRunIsPricedWhole() {
        PipelineEstimate e = new PipelinePricer(4).estimate(pipeline(), "mara", PRICES, RunProgress.of(dir.resolve("none"), pipeline(), 7));
        // explore 4 + 2 images = 60; refine 2 x 7; inpaint 2 x 5; upscale 2 x 20
        assertEquals(60 + 14 + 10 + 40, e.total());
        assertEquals(0, e.paidEarlier());
        assertFalse(e.toString().contains("already paid"), e.toString());
    }

    @Test
    void anInterruptedRunIsPricedForWhatRemainsAndSaysSo() {
        Path runDir = dir.resolve("run");
        Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
        // killed after both explore batches and the first refine: 3 of the 8 paid jobs done
        assertThrows(IllegalStateException.class,
                () -> new PipelineRunner(new FakeOps(paid, 3), PipelineRunner.Settings.of(runDir, "r", 7, null)).run(pipeline()));
        PipelineEstimate e = new PipelinePricer(4).estimate(pipeline(), "mara", PRICES, RunProgress.of(runDir, pipeline(), 7));
        assertEquals(3, e.paidEarlier());
        assertEquals(8, e.requests());
        assertEquals(7 + 10 + 40, e.total(), e.toString());
        assertTrue(e.toString().contains("3 of 8 jobs already paid; remaining 57 credits"), e.toString());
        assertTrue(e.toString().contains("(all paid earlier)") && e.toString().contains("(1 paid earlier)"), e.toString());

        // and the resumed run indeed pays for exactly those 5 jobs
        new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), PipelineRunner.Settings.of(runDir, "r", 7, null)).run(pipeline());
        assertEquals(8, paid.size());
        assertTrue(paid.values().stream().allMatch(n -> n == 1), paid.toString());
        PipelineEstimate after = new PipelinePricer(4).estimate(pipeline(), "mara", PRICES, RunProgress.of(runDir, pipeline(), 7));
        assertEquals(0, after.total());
        assertTrue(after.toString().contains("8 of 8 jobs already paid; remaining 0 credits"), after.toString());
    }

    /** The estimate reads the run's journal with the keys the runner writes (RunKeys), so a finished run shows every step paid. */
    @Test
    void theEstimateFindsEveryStepOfAFinishedRunUnderTheRunnersOwnKeys() {
        Path runDir = dir.resolve("run");
        new PipelineRunner(new FakeOps(), PipelineRunner.Settings.of(runDir, "r", 7, null)).run(pipeline());
        RunProgress progress = RunProgress.of(runDir, pipeline(), 7);
        assertEquals(runDir, progress.runDir(), "the runner's header is recognised");
        for (int i = 0; i < pipeline().steps().size(); i++) {
            assertTrue(progress.stepDone(RunKeys.step(i, pipeline().steps().get(i).name())), "step " + i);
        }
        assertEquals(2, progress.opsDone(RunKeys.step(0, "explore")), "both explore batches");
        assertTrue(progress.opDone(RunKeys.batch(RunKeys.step(0, "explore"), 1)));
        assertSame(RunProgress.NONE, RunProgress.of(runDir, new PipelineDef("pack", pipeline().steps().subList(0, 2)), 7),
                "another definition in that folder counts as nothing paid");
    }

    @Test
    void aJournalOfAnotherSeedCountsAsNothingPaid() {
        Path runDir = dir.resolve("run");
        new PipelineRunner(new FakeOps(), PipelineRunner.Settings.of(runDir, "r", 7, null)).run(pipeline());
        PipelineEstimate e = new PipelinePricer(4).estimate(pipeline(), "mara", PRICES, RunProgress.of(runDir, pipeline(), 8));
        assertEquals(0, e.paidEarlier());
        assertEquals(124, e.total());
    }
}
