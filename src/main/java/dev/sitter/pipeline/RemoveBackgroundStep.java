package dev.sitter.pipeline;

import java.util.List;
import java.util.Set;

/**
 * {@code removeBackground()}: a transparent background for each winner (Leonardo's background
 * removal, a paid variation), for avatars and sprites. Like upscale, images that failed QA are left
 * out unless {@code force: true}, so no credit is spent on a rejected portrait.
 */
final class RemoveBackgroundStep implements Step {
    static final Set<String> OPTIONS = Set.of("force");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        o.flag("force");
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        boolean force = o.flag("force");
        WinnerOps.Outcome done = WinnerOps.run(ctx, key, in, force, ctx.ops::removeBackground);
        List<Item> out = done.out();
        int skipped = done.skipped();
        if (out.isEmpty() && !in.isEmpty()) {
            throw o.error("none of the " + in.size() + " images passed QA, so no background is removed",
                    "look at the failed checks in " + RunReport.file(ctx.settings().runDir())
                            + " (or sitter ls --qa fail), loosen them, or write removeBackground force: true");
        }
        return new Result(out, "removed the background of " + out.size() + (skipped > 0 ? ", left out " + skipped + " that failed QA" : ""));
    }
}
