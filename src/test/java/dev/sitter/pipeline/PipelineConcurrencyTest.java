package dev.sitter.pipeline;

import dev.sitter.model.PipelineDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The independent ops of a step (explore batches, the refine and the upscale of each winner) run at
 * the same time, and that changes nothing a run promises: results in input order, each op paid once,
 * a failed op's siblings finished and journaled so a resumed run pays only for what failed.
 */
class PipelineConcurrencyTest {
    @TempDir
    Path dir;

    private PipelineRunner.Settings settings(Path runDir) {
        return PipelineRunner.Settings.of(runDir, "run-1", 4242, null)
                .withResolver(p -> p.equals("EXPORT") ? runDir.resolve("out") : Path.of(p));
    }

    private static PipelineDef pipeline() {
        return new PipelineDef("pack", List.of(
                PipelineRunnerTest.step("explore", 2, "count:", 8, "size:", "256x384"),
                PipelineRunnerTest.step("select", 3, "top:", 2, "by:", "order"),
                PipelineRunnerTest.step("refine", 4, "strength:", 0.35),
                PipelineRunnerTest.step("upscale", 5, "mode:", "ultra")));
    }

    /** Each op waits until its sibling in the same step has started too: run one after the other, it would time out. */
    static final class MeetingOps extends FakeOps {
        final Map<String, CountDownLatch> meetings = new ConcurrentHashMap<>();

        MeetingOps(Map<String, Integer> paid) {
            super(paid, Integer.MAX_VALUE);
        }

        void meet(String kind) {
            CountDownLatch latch = meetings.computeIfAbsent(kind, k -> new CountDownLatch(2));
            latch.countDown();
            try {
                if (!latch.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(kind + " ops ran one after the other");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override public List<Produced> generate(String opKey, int count, int width, int height, Integer steps, long seed) {
            meet("explore");
            return super.generate(opKey, count, width, height, steps, seed);
        }

        @Override public Produced refine(String opKey, Produced source, double strength) {
            meet("refine");
            return super.refine(opKey, source, strength);
        }

        @Override public Produced upscale(String opKey, Produced source, String mode) {
            meet("upscale");
            return super.upscale(opKey, source, mode);
        }
    }

    @Test
    void theOpsOfAStepRunAtOnceAndTheirResultsKeepTheirOrder() {
        Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
        PipelineRunner.RunResult r = new PipelineRunner(new MeetingOps(paid), settings(dir.resolve("run"))).run(pipeline());

        assertEquals(6, paid.size(), paid.toString());
        assertEquals(List.of("up-ref-gen-4242-0", "up-ref-gen-4242-1"), r.items().stream().map(Item::id).toList());
        assertEquals(List.of("ref-gen-4242-0", "ref-gen-4242-1"), r.items().stream().map(Item::parentId).toList());
        assertEquals("8 samples at 256x384", r.steps().get(0).summary());
    }

    @Test
    void whenOneRefineFailsTheOtherIsKeptAndTheResumedRunPaysOnlyForTheFailedOne() {
        Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());
        Path runDir = dir.resolve("run");
        FakeOps failing = new FakeOps(paid, Integer.MAX_VALUE) {
            @Override public Produced refine(String opKey, Produced source, double strength) {
                if (source.id().endsWith("-1")) {
                    throw new PipelineException("the network went away");
                }
                return super.refine(opKey, source, strength);
            }
        };
        PipelineException e = assertThrows(PipelineException.class, () -> new PipelineRunner(failing, settings(runDir)).run(pipeline()));
        assertEquals("the network went away", e.getMessage());
        assertTrue(paid.keySet().stream().anyMatch(k -> k.contains("refine")), "the sibling refine ran: " + paid);

        PipelineRunner.RunResult resumed = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir)).run(pipeline());
        assertEquals(6, paid.size(), paid.toString());
        assertTrue(paid.values().stream().allMatch(n -> n == 1), "nothing paid twice: " + paid);
        assertEquals(List.of("up-ref-gen-4242-0", "up-ref-gen-4242-1"), resumed.items().stream().map(Item::id).toList());
    }
}
