package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code select top: 2} keeps the winners: by drift score against the character's references
 * (lowest first, the default when the run has references), {@code by: 'order'} keeps the first
 * ones, and {@code pick: [1, 3]} keeps the images with those numbers on the contact sheet (what the
 * console asks the user to type).
 */
final class SelectStep implements Step {
    static final Set<String> OPTIONS = Set.of("top", "by", "pick");

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        if (in.isEmpty()) {
            throw o.error("there are no images to select from", "put an explore step before select");
        }
        if (o.has("pick")) {
            List<Item> out = new ArrayList<>();
            for (int n : o.integers("pick")) {
                if (n > in.size()) {
                    throw o.error("pick: " + n + " but there are only " + in.size() + " images", "pick numbers 1.." + in.size());
                }
                out.add(in.get(n - 1));
            }
            return new Result(ctx.scored(out), "picked " + out.size() + " of " + in.size());
        }
        int top = o.integer("top", 1, 1, 64);
        String by = o.text("by", ctx.settings().drift() != null ? "drift" : "order");
        switch (by) {
            case "drift" -> {
                if (ctx.settings().drift() == null) {
                    throw o.error("by: 'drift' needs the character's master image or anchors to score against",
                            "give the character anchor images, or write select top: " + top + ", by: 'order' or pick: [1, 2]");
                }
                List<Item> scored = new ArrayList<>(ctx.scored(in));
                // Stable sort: equal scores keep explore order, so the choice is deterministic.
                scored.sort(Comparator.comparingDouble(Item::drift));
                List<Item> out = scored.subList(0, Math.min(top, scored.size()));
                String scores = String.join(", ", out.stream().map(i -> String.format(Locale.ROOT, "%.3f", i.drift())).toList());
                return new Result(List.copyOf(out), "kept " + out.size() + " of " + in.size() + " by drift (" + scores + ")");
            }
            case "order" -> {
                List<Item> out = ctx.scored(in.subList(0, Math.min(top, in.size())));
                return new Result(out, "kept the first " + out.size() + " of " + in.size());
            }
            default -> throw o.error("by: '" + by + "' is not a selection rule", "use by: 'drift' or by: 'order', or pick: [1, 3]");
        }
    }
}
