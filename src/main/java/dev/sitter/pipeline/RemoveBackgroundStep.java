package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
        List<Supplier<List<Item>>> ops = new ArrayList<>();
        int skipped = 0;
        for (Item item : in) {
            if (!force && !item.passedQa()) {
                skipped++;
                continue;
            }
            String opKey = key + "/" + ctx.shortKey(item.id());
            ops.add(() -> ctx.once(opKey, item.id(), () -> List.of(ctx.ops.removeBackground(ctx.opKey(opKey), ctx.produced(item)))).stream()
                    .map(cut -> new Item(cut.id(), cut.file(), cut.parentId(), item.drift(), item.qa())).toList());
        }
        List<Item> out = new ArrayList<>();
        ctx.all(ops).forEach(out::addAll);
        if (out.isEmpty() && !in.isEmpty()) {
            throw o.error("none of the " + in.size() + " images passed QA, so no background is removed",
                    "look at the failed checks in " + RunReport.file(ctx.settings().runDir())
                            + " (or sitter ls --qa fail), loosen them, or write removeBackground force: true");
        }
        return new Result(out, "removed the background of " + out.size() + (skipped > 0 ? ", left out " + skipped + " that failed QA" : ""));
    }
}
