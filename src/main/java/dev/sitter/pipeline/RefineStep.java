package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code refine strength: 0.35}: image-to-image on each image, one paid op per image, each journaled. */
final class RefineStep implements Step {
    static final Set<String> OPTIONS = Set.of("strength");

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        double strength = o.decimal("strength", null, 0.1, 0.9);
        List<Item> out = new ArrayList<>();
        for (Item item : in) {
            String opKey = key + "/" + ctx.shortKey(item.id());
            out.addAll(ctx.once(opKey, item.id(), () -> List.of(ctx.ops.refine(ctx.opKey(opKey), ctx.produced(item), strength))));
        }
        return new Result(ctx.scored(out), "refined " + out.size() + " at strength " + String.format(Locale.ROOT, "%.2f", strength));
    }
}
