package dev.sitter.pipeline;

import dev.sitter.model.PipelineDef;
import dev.sitter.model.PipelineStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prices a pipeline before it runs: walks its steps as the runner would (same option checks, same
 * explore batching, the same number of winners through refine and upscale) and asks a
 * {@link PriceList} for each paid op. Nothing is generated. Image counts that depend on pictures
 * are taken at their most: every winner is assumed to pass QA, so upscale is priced for all.
 */
public final class PipelinePricer {
    private static final Map<String, Set<String>> OPTIONS = PipelineRunner.OPTIONS;

    private final int maxBatch;

    /** @param maxBatch images per explore request, as the runner's {@link PipelineRunner.Settings#maxBatch()} */
    public PipelinePricer(int maxBatch) {
        if (maxBatch < 1 || maxBatch > 8) throw new IllegalArgumentException("maxBatch must be 1..8, got " + maxBatch);
        this.maxBatch = maxBatch;
    }

    public PipelineEstimate estimate(PipelineDef pipeline, String character, PriceList prices) {
        return estimate(pipeline, character, prices, RunProgress.NONE);
    }

    /**
     * As above, for a run that will resume: ops its journal shows finished are counted as paid and left
     * out of the credits (the run pays only for the rest).
     */
    public PipelineEstimate estimate(PipelineDef pipeline, String character, PriceList prices, RunProgress progress) {
        if (pipeline.steps().isEmpty()) {
            throw new PipelineException("pipeline '" + pipeline.id() + "' has no steps. Fix: add e.g. explore count: 8; select top: 2; export 'png'.");
        }
        List<PipelineEstimate.Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int images = 0;
        int[] size = null;
        Integer steps = null;
        for (int i = 0; i < pipeline.steps().size(); i++) {
            PipelineStep step = pipeline.steps().get(i);
            Set<String> known = OPTIONS.get(step.name());
            if (known == null) {
                throw new PipelineException("pipeline '" + pipeline.id() + "'" + (step.line() > 0 ? " line " + step.line() : "")
                        + ": step '" + step.name() + "' cannot run in a pipeline yet, so it cannot be priced either. "
                        + "Fix: use " + String.join(", ", PipelineRunner.STEP_NAMES) + ".");
            }
            StepOptions o = new StepOptions(pipeline.id(), step, known);
            String key = RunKeys.step(i, step.name());
            boolean stepDone = progress.stepDone(key);
            switch (step.name()) {
                case "explore" -> {
                    int count = o.integer("count", 4, 1, 64);
                    size = o.size("size", ExploreStep.DEFAULT_SIZE);
                    steps = o.optionalInteger("steps", 10, 60);
                    int full = count / maxBatch, rest = count % maxBatch;
                    int requests = full + (rest > 0 ? 1 : 0);
                    long credits = 0;
                    int paid = 0;
                    for (int b = 0; b < requests; b++) {
                        if (stepDone || progress.opDone(RunKeys.batch(key, b))) {
                            paid++;
                        } else {
                            credits += prices.generate(b < full ? maxBatch : rest, size[0], size[1], steps);
                        }
                    }
                    String detail = (full > 0 ? full + " x " + maxBatch : "") + (full > 0 && rest > 0 ? " + " : "")
                            + (rest > 0 ? "1 x " + rest : "") + " images at " + size[0] + "x" + size[1]
                            + (steps == null ? "" : ", " + steps + " steps");
                    images += count;
                    lines.add(new PipelineEstimate.Line(i, "explore", step.line(), requests, count, credits, detail, paid));
                }
                case "select" -> {
                    int kept = o.has("pick") ? o.integers("pick").size() : Math.min(o.integer("top", 1, 1, 64), images);
                    lines.add(new PipelineEstimate.Line(i, "select", step.line(), 0, kept, 0, "keeps " + kept + " of " + images, 0));
                    images = kept;
                }
                case "refine" -> {
                    double strength = o.decimal("strength", null, 0.1, 0.9);
                    requireSize(o, size, "refine");
                    long each = images == 0 ? 0 : prices.refine(size[0], size[1], steps, strength);
                    int[] out = prices.refined(size[0], size[1]);
                    int paid = paid(progress, key, stepDone, images);
                    lines.add(new PipelineEstimate.Line(i, "refine", step.line(), images, images, each * (images - paid),
                            images + " x image-to-image " + size[0] + "x" + size[1] + " -> " + out[0] + "x" + out[1] + ", strength "
                                    + String.format(Locale.ROOT, "%.2f", strength), paid));
                    size = out;
                    steps = null; // a refine runs at the template's steps, and so does what follows it
                }
                case "inpaint", "composite" -> {
                    requireSize(o, size, step.name());
                    if (step.name().equals("inpaint")) {
                        o.decimal("strength", InpaintStep.DEFAULT_STRENGTH, 0.1, 0.8);
                    } else {
                        CompositeStep.options(o);
                    }
                    long each = images == 0 ? 0 : prices.inpaint(size[0], size[1], steps);
                    int paid = paid(progress, key, stepDone, images);
                    lines.add(new PipelineEstimate.Line(i, step.name(), step.line(), images, images, each * (images - paid),
                            images + " x canvas inpainting " + size[0] + "x" + size[1]
                                    + (step.name().equals("composite") ? " (the denoise pass; the paste is local)" : ""), paid));
                }
                case "upscale" -> {
                    String mode = UpscaleStep.mode(o);
                    o.flag("force");
                    requireSize(o, size, "upscale");
                    Long each = images == 0 ? Long.valueOf(0) : prices.upscale(mode, size[0], size[1]);
                    int[] out = prices.upscaled(mode, size[0], size[1]);
                    int paid = paid(progress, key, stepDone, images);
                    if (each == null) {
                        notes.add("upscale mode '" + mode + "' has no pricing-calculator service; its " + images + " request(s) are not in the total");
                    }
                    lines.add(new PipelineEstimate.Line(i, "upscale", step.line(), images, images, each == null ? 0 : each * (images - paid),
                            images + " x " + (mode == null ? "universal" : mode) + " upscale " + size[0] + "x" + size[1]
                                    + " -> " + out[0] + "x" + out[1] + (each == null ? " (not priced)" : ""), paid));
                    size = out;
                }
                case "removeBackground" -> {
                    o.flag("force");
                    requireSize(o, size, "removeBackground");
                    Long each = images == 0 ? Long.valueOf(0) : prices.removeBackground(size[0], size[1]);
                    int paid = paid(progress, key, stepDone, images);
                    if (each == null) notes.add("background removal cannot be priced here; its " + images + " request(s) are not in the total");
                    lines.add(new PipelineEstimate.Line(i, "removeBackground", step.line(), images, images,
                            each == null ? 0 : each * (images - paid), images + " x background removal " + size[0] + "x" + size[1]
                                    + (each == null ? " (not priced)" : ""), paid));
                }
                default -> lines.add(new PipelineEstimate.Line(i, step.name(), step.line(), 0, images, 0,
                        step.name().equals("qa") ? "records verdicts; every image assumed to pass" : "local, no credits", 0));
            }
        }
        return new PipelineEstimate(pipeline.id(), character, lines, notes, progress.runDir());
    }

    /** Jobs of a per-image step the journal shows paid: all when the step finished, else its finished ops (at most {@code images}). */
    private static int paid(RunProgress progress, String key, boolean stepDone, int images) {
        return stepDone ? images : Math.min(images, progress.opsDone(key));
    }

    private static void requireSize(StepOptions o, int[] size, String step) {
        if (size == null) throw o.error(step + " has no images to work on", "put an explore step first");
    }
}
