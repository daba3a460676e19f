package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code explore count: 8, size: '512x768', steps: 15}: cheap low-resolution samples of the run's
 * character and template, split into requests of at most {@code maxBatch} images (Leonardo's
 * per-request limit). Batch b uses seed + b x batch size, a block of seeds per batch: backends that vary a
 * request's images as seed + index (A1111 does) would repeat images across batches with consecutive seeds.
 * A rerun gives the same images.
 */
final class ExploreStep implements Step {
    static final Set<String> OPTIONS = Set.of("count", "size", "steps");
    static final int[] DEFAULT_SIZE = {512, 768};

    @Override
    public void check(RunContext ctx, StepOptions o) {
        o.integer("count", 4, 1, 64);
        o.size("size", DEFAULT_SIZE);
        o.optionalInteger("steps", 10, 60);
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        int count = o.integer("count", 4, 1, 64);
        int[] size = o.size("size", DEFAULT_SIZE);
        Integer steps = o.optionalInteger("steps", 10, 60);
        int batch = ctx.settings().maxBatch();
        List<Supplier<List<Item>>> batches = new ArrayList<>();
        for (int b = 0, made = 0; made < count; b++) {
            int n = Math.min(batch, count - made);
            long seed = ctx.settings().seed() + (long) b * batch;
            String opKey = RunKeys.batch(key, b);
            batches.add(() -> ctx.once(opKey, null, () -> ctx.ops.generate(ctx.opKey(opKey), n, size[0], size[1], steps, seed)));
            made += n;
        }
        // The batches go out together; their images keep batch order.
        List<Item> out = new ArrayList<>();
        ctx.all(batches).forEach(out::addAll);
        return new Result(out, out.size() + " samples at " + size[0] + "x" + size[1] + (steps == null ? "" : ", " + steps + " steps"));
    }
}
