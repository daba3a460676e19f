package dev.sitter.pipeline;

import dev.sitter.leonardo.UpscaleModes;

import java.util.List;
import java.util.Set;

/**
 * {@code upscale mode: 'ultra'}: upscales the winners only. Images that failed QA are left out
 * unless {@code force: true}, so no credit is spent on a rejected portrait.
 */
final class UpscaleStep implements Step {
    static final Set<String> OPTIONS = Set.of("mode", "force");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        mode(o);
        o.flag("force");
    }

    /** The mode as written (null: the standard upscaler), one the standalone {@code upscale} command takes too. */
    static String mode(StepOptions o) {
        String mode = o.text("mode", null);
        String problem = mode == null ? null : UpscaleModes.problem(mode);
        if (problem != null) {
            // The same sentence as the standalone command, split into the pipeline error's problem and fix.
            int split = problem.indexOf("; ");
            throw o.error(problem.substring(0, split), problem.substring(split + 2) + " (or no mode: for the standard Universal Upscaler)");
        }
        return mode;
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        String mode = mode(o);
        boolean force = o.flag("force");
        // Every winner is upscaled at once; the results keep the winners' order.
        WinnerOps.Outcome done = WinnerOps.run(ctx, key, in, force, (opKey, image) -> ctx.ops.upscale(opKey, image, mode));
        List<Item> out = done.out();
        int skipped = done.skipped();
        if (out.isEmpty() && !in.isEmpty()) {
            throw o.error("none of the " + in.size() + " images passed QA, so nothing is upscaled",
                    "look at the failed checks in " + RunReport.file(ctx.settings().runDir())
                            + " (or sitter ls --qa fail), loosen them, or write upscale force: true");
        }
        return new Result(out, "upscaled " + out.size() + (mode == null ? "" : " (" + mode + ")") + (skipped > 0 ? ", left out " + skipped + " that failed QA" : ""));
    }
}
