package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The shape of the paid steps that spend credits on finished portraits only (upscale, background
 * removal): one op per image that passed QA (every image with {@code force}), all sent at once, each
 * journaled under its own key so a resumed run pays for nothing twice; results keep the input order
 * and carry the image's drift and QA on.
 */
final class WinnerOps {
    /** The new images, and how many were left out for failing QA. */
    record Outcome(List<Item> out, int skipped) {}

    private WinnerOps() {}

    static Outcome run(RunContext ctx, String key, List<Item> in, boolean force,
                       BiFunction<String, PortraitOps.Produced, PortraitOps.Produced> op) {
        List<Supplier<List<Item>>> ops = new ArrayList<>();
        int skipped = 0;
        for (Item item : in) {
            if (!force && !item.passedQa()) {
                skipped++;
                continue;
            }
            String opKey = key + "/" + ctx.shortKey(item.id());
            ops.add(() -> ctx.once(opKey, item.id(), () -> List.of(op.apply(ctx.opKey(opKey), ctx.produced(item)))).stream()
                    .map(made -> new Item(made.id(), made.file(), made.parentId(), item.drift(), item.qa())).toList());
        }
        List<Item> out = new ArrayList<>();
        ctx.all(ops).forEach(out::addAll);
        return new Outcome(out, skipped);
    }
}
