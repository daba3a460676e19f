package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** {@code refine strength: 0.35}: image-to-image on each image, one paid op per image, each journaled, all at once. */
final class RefineStep implements Step {
    static final Set<String> OPTIONS = Set.of("strength");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        o.decimal("strength", null, 0.1, 0.9);
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        double strength = o.decimal("strength", null, 0.1, 0.9);
        List<Supplier<List<Item>>> ops = new ArrayList<>();
        for (Item item : in) {
            String opKey = key + "/" + ctx.shortKey(item.id());
            ops.add(() -> ctx.once(opKey, item.id(), () -> List.of(ctx.ops.refine(ctx.opKey(opKey), ctx.produced(item), strength))));
        }
        // Every winner is refined at once; the results keep the winners' order.
        List<Item> out = new ArrayList<>();
        ctx.all(ops).forEach(out::addAll);
        return new Result(ctx.scored(out), "refined " + out.size() + " at strength " + String.format(Locale.ROOT, "%.2f", strength));
    }
}
