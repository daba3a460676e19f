package dev.sitter.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.imaging.ImagingException;
import dev.sitter.imaging.drift.DriftScorer;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PipelineStep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a {@link PipelineDef} ({@code explore, select, refine, inpaint, composite, qa, upscale, grade, export}) against
 * {@link PortraitOps}, journaling every paid op and every finished step in
 * {@code <runDir>/journal.jsonl}. Killed at any moment and started again on the same run folder, it
 * skips finished steps, reuses journaled op results (paying for nothing twice), and continues.
 *
 * <p>A run folder belongs to one pipeline definition and seed: starting a different pipeline in it
 * is refused rather than mixing two runs.
 */
public final class PipelineRunner {
    /**
     * @param runDir   the run's folder: journal.jsonl, images/, export/
     * @param runId    stable id of this run, the prefix of every op key
     * @param seed     the run's seed (explore batch b uses seed + b x maxBatch)
     * @param drift    scorer against the character's master and anchors, or null when there are none
     * @param judge    decides QA checks a script does not give verdicts for
     * @param maxBatch images per generation request (Leonardo allows 1..8)
     * @param resolve  turns a path written in the script (LUTs, export folder) into a file
     * @param recipes  the recipe text shown for each image in the gallery
     * @param picker   who chooses the winners of {@code select by: 'ask'}, or null when nobody can be asked
     */
    public record Settings(Path runDir, String runId, long seed, DriftScorer drift, QaJudge judge, int maxBatch,
                           Function<String, Path> resolver, RecipeSource recipes, WinnerPicker picker) {
        public Settings {
            if (maxBatch < 1 || maxBatch > 8) {
                throw new IllegalArgumentException("maxBatch must be 1..8 (Leonardo's num_images limit), got " + maxBatch);
            }
            judge = judge != null ? judge : QaJudge.byDrift(DEFAULT_QA_DRIFT);
            resolver = resolver != null ? resolver : Path::of;
            recipes = recipes != null ? recipes : RecipeSource.LINEAGE;
        }

        /** Defaults: batches of 4, QA by drift <= 0.25, paths as written, lineage as recipe. */
        public static Settings of(Path runDir, String runId, long seed, DriftScorer drift) {
            return new Settings(runDir, runId, seed, drift, null, DEFAULT_MAX_BATCH, null, null, null);
        }

        public Settings withJudge(QaJudge j) {
            return new Settings(runDir, runId, seed, drift, j, maxBatch, resolver, recipes, picker);
        }

        public Settings withResolver(Function<String, Path> r) {
            return new Settings(runDir, runId, seed, drift, judge, maxBatch, r, recipes, picker);
        }

        public Settings withRecipes(RecipeSource r) {
            return new Settings(runDir, runId, seed, drift, judge, maxBatch, resolver, r, picker);
        }

        public Settings withMaxBatch(int n) {
            return new Settings(runDir, runId, seed, drift, judge, n, resolver, recipes, picker);
        }

        public Settings withPicker(WinnerPicker p) {
            return new Settings(runDir, runId, seed, drift, judge, maxBatch, resolver, recipes, p);
        }

        Path resolve(String path) {
            return resolver.apply(path);
        }

        /** The places a path written in the script is looked for, in order (just the resolved path for a plain resolver). */
        List<Path> places(String path) {
            return resolver instanceof SearchPath s ? s.places(path) : List.of(resolve(path));
        }
    }

    /** A resolver that can also say where it looks, so a missing file's error names every place searched. */
    public interface SearchPath extends Function<String, Path> {
        List<Path> places(String written);
    }

    /** Text shown as an image's recipe in the gallery; the caller can supply the library's provenance JSON. */
    @FunctionalInterface
    public interface RecipeSource {
        String recipe(Item item, List<String> lineage);

        RecipeSource LINEAGE = (item, lineage) -> "image " + RunContext.displayId(item.id()) + "\nmade from: "
                + String.join(" <- ", lineage.stream().map(RunContext::displayId).toList())
                + (item.drift() == null ? "" : "\ndrift: " + item.drift())
                + (item.qa().isEmpty() ? "" : "\nqa: " + item.qa());
    }

    /** Images per explore request unless set otherwise; the estimate batches the same way. */
    public static final int DEFAULT_MAX_BATCH = 4;

    /** Drift above which automatic QA fails an image: between the faithful and drifted ranges measured in docs/drift.md. */
    public static final double DEFAULT_QA_DRIFT = 0.25;

    private static final Map<String, Step> STEPS = Map.of(
            "explore", new ExploreStep(), "select", new SelectStep(), "refine", new RefineStep(), "qa", new QaStep(),
            "inpaint", new InpaintStep(), "composite", new CompositeStep(),
            "upscale", new UpscaleStep(), "removeBackground", new RemoveBackgroundStep(), "grade", new GradeStep(),
            "export", new ExportStep());
    /** The options each step takes (shared with the pricer). */
    static final Map<String, Set<String>> OPTIONS = Map.of(
            "explore", ExploreStep.OPTIONS, "select", SelectStep.OPTIONS, "refine", RefineStep.OPTIONS, "qa", QaStep.OPTIONS,
            "inpaint", InpaintStep.OPTIONS, "composite", CompositeStep.OPTIONS,
            "upscale", UpscaleStep.OPTIONS, "removeBackground", RemoveBackgroundStep.OPTIONS, "grade", GradeStep.OPTIONS,
            "export", ExportStep.OPTIONS);
    /** The steps in the order a pipeline usually has them, for messages. */
    static final List<String> STEP_NAMES = List.of("explore", "select", "refine", "inpaint", "composite", "qa", "upscale",
            "removeBackground", "grade", "export");

    private final PortraitOps ops;
    private final Settings settings;

    public PipelineRunner(PortraitOps ops, Settings settings) {
        this.ops = ops;
        this.settings = settings;
    }

    /** What a run did: the images at the end, and per step what happened and whether it was resumed from the journal. */
    public record RunResult(List<Item> items, List<StepReport> steps, Path journal) {
        /** The human-readable report beside the journal ({@code report.txt}), rewritten after every step. */
        public Path report() {
            return RunReport.file(journal.getParent());
        }

        /** How many steps were read back from the journal (done by an earlier, stopped run). */
        public long resumedSteps() {
            return steps.stream().filter(StepReport::fromJournal).count();
        }
    }

    public record StepReport(int index, String name, int line, boolean fromJournal, int images, String summary) {
        @Override
        public String toString() {
            return String.format("%d. %-9s %s%s", index + 1, name, summary, fromJournal ? "  (done earlier, from the journal)" : "");
        }
    }

    public RunResult run(PipelineDef pipeline) {
        knownSteps(pipeline);
        RunJournal journal = new RunJournal(settings.runDir().resolve("journal.jsonl"));
        RunContext ctx = new RunContext(ops, journal, settings, pipeline.id());
        for (PipelineStep step : pipeline.steps()) {
            STEPS.get(step.name()).check(ctx, new StepOptions(pipeline.id(), step, OPTIONS.get(step.name())));
        }
        checkMaskSizes(ctx, pipeline);
        claimRunFolder(journal, pipeline);
        List<Item> items = List.of();
        List<StepReport> reports = new ArrayList<>();
        for (int i = 0; i < pipeline.steps().size(); i++) {
            PipelineStep step = pipeline.steps().get(i);
            String key = RunKeys.step(i, step.name());
            JsonNode done = journal.find("step", key);
            if (done != null) {
                items = ctx.readItems(done.path("items"));
                reports.add(new StepReport(i, step.name(), step.line(), true, items.size(), done.path("summary").asText()));
                RunReport.write(settings.runDir(), pipeline.id(), settings.runId(), reports, items);
                continue;
            }
            StepOptions options = new StepOptions(pipeline.id(), step, OPTIONS.get(step.name()));
            Step.Result result;
            try {
                result = STEPS.get(step.name()).run(ctx, key, options, items);
            } catch (ImagingException e) {
                throw options.located(e.getMessage() + " Finished steps are kept: run again after the fix.");
            }
            items = result.items();
            ctx.stepDone(key, i, step.name(), items, result.summary());
            reports.add(new StepReport(i, step.name(), step.line(), false, items.size(), result.summary()));
            RunReport.write(settings.runDir(), pipeline.id(), settings.runId(), reports, items);
        }
        return new RunResult(items, reports, journal.file());
    }

    /**
     * Refuses a pipeline that would ask the user to choose winners ({@code select by: 'ask'}) when
     * nobody can be asked, with the same message the run itself gives; {@code sitter run} calls it
     * while checking a script before any line is paid for.
     */
    public static void requireSomeoneToAsk(PipelineDef pipeline) {
        for (PipelineStep step : pipeline.steps()) {
            if (step.name().equals("select")) {
                SelectStep.requireSomeoneToAsk(new StepOptions(pipeline.id(), step, OPTIONS.get("select")));
            }
        }
    }

    /**
     * A mask must have the size of the images at its step. Where the pipeline fixes that size (explore's
     * size, then the template's after refine) it is checked now, before anything is paid; after an
     * upscale the size is the backend's, so it is checked just before that image's op.
     */
    private void checkMaskSizes(RunContext ctx, PipelineDef pipeline) {
        int[] size = null;
        for (PipelineStep step : pipeline.steps()) {
            StepOptions o = new StepOptions(pipeline.id(), step, OPTIONS.get(step.name()));
            switch (step.name()) {
                case "explore" -> {
                    int[] asked = o.size("size", ExploreStep.DEFAULT_SIZE);
                    size = ops.generatedSize(asked[0], asked[1]);
                }
                case "refine" -> size = size == null ? null : ops.refinedSize(size[0], size[1]);
                case "upscale" -> size = null;
                case "inpaint", "composite" -> InpaintStep.checkPlannedSize(ctx, o, size);
                default -> { }
            }
        }
    }

    /** Every step must be one the runner knows; its options are checked next, all before anything is paid for. */
    private static void knownSteps(PipelineDef pipeline) {
        if (pipeline.steps().isEmpty()) {
            throw new PipelineException("pipeline '" + pipeline.id() + "' has no steps. Fix: add e.g. explore count: 8; select top: 2; export 'png'.");
        }
        for (PipelineStep step : pipeline.steps()) {
            if (!STEPS.containsKey(step.name())) {
                throw new PipelineException("pipeline '" + pipeline.id() + "'" + (step.line() > 0 ? " line " + step.line() : "") + ": step '"
                        + step.name() + "' cannot run in a pipeline yet. Fix: use " + String.join(", ", STEP_NAMES)
                        + ", or run that command on its own.");
            }
        }
    }

    /** The first entry of a run folder records what runs in it; a different pipeline or seed is refused. */
    private void claimRunFolder(RunJournal journal, PipelineDef pipeline) {
        JsonNode header = journal.find("run", "header");
        if (header == null) {
            journal.append(RunKeys.header(pipeline, settings.seed(), settings.runId()));
            return;
        }
        if (!RunKeys.sameRun(header, pipeline, settings.seed())) {
            throw new PipelineException("the run folder " + settings.runDir() + " holds a run of pipeline '" + header.path("pipeline").asText()
                    + "' (seed " + header.path("seed").asText() + ": " + header.path("definition").asText() + "), not this one. "
                    + "Fix: use a new run folder for a changed pipeline or seed; the finished run stays as it is.");
        }
    }
}
