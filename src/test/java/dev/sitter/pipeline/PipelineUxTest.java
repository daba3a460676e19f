package dev.sitter.pipeline;

import dev.sitter.model.PipelineDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
