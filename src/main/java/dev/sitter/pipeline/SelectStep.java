package dev.sitter.pipeline;

import dev.sitter.imaging.ContactSheet;
import dev.sitter.imaging.GalleryItem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code select top: 2} keeps the winners: by drift score against the character's references
 * (lowest first, the default when the run has references), {@code by: 'order'} keeps the first
 * ones, {@code by: 'ask'} shows the numbered contact sheet and keeps the numbers the user types (an
 * empty answer keeps the drift order), and {@code pick: [1, 3]} keeps the images with those numbers,
 * as a script gives the choice. The choice ends up in the step's journal entry, so a resumed run
 * does not ask again.
 */
final class SelectStep implements Step {
    static final Set<String> OPTIONS = Set.of("top", "by", "pick");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        if (o.has("pick")) {
            o.integers("pick");
            return;
        }
        int top = o.integer("top", 1, 1, 64);
        String by = o.text("by", ctx.settings().drift() != null ? "drift" : "order");
        if (by.equals("drift") && ctx.settings().drift() == null) {
            throw o.error("by: 'drift' needs the character's master image or anchors to score against",
                    "give the character anchor images, or write select top: " + top + ", by: 'order' or pick: [1, 2]");
        }
        if (by.equals("ask") && ctx.settings().picker() == null) {
            throw nobodyToAsk(o, top);
        }
        if (!by.equals("drift") && !by.equals("order") && !by.equals("ask")) {
            throw o.error("by: '" + by + "' is not a selection rule", "use by: 'drift', by: 'order' or by: 'ask', or pick: [1, 3]");
        }
    }

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
            case "ask" -> {
                return asked(ctx, key, o, in, top);
            }
            default -> throw o.error("by: '" + by + "' is not a selection rule", "use by: 'drift', by: 'order' or by: 'ask', or pick: [1, 3]");
        }
    }

    /** Throws when the step would ask the user ({@code by: 'ask'}, no {@code pick:}): for a run with nobody to ask. */
    static void requireSomeoneToAsk(StepOptions o) {
        if (!o.has("pick") && "ask".equals(o.text("by", null))) {
            throw nobodyToAsk(o, o.integer("top", 1, 1, 64));
        }
    }

    private static PipelineException nobodyToAsk(StepOptions o, int top) {
        return o.error("by: 'ask' needs someone to type the numbers, and this run has nobody to ask (its input is not a terminal)",
                "use by: 'drift' to keep the " + top + " closest to the character, or give the numbers from the contact sheet: pick: ["
                        + Picks.example(8, top).replace(" ", ", ") + "]");
    }

    /** {@code by: 'ask'}: the numbered contact sheet of the candidates, and the numbers the picker returns. */
    private static Result asked(RunContext ctx, String key, StepOptions o, List<Item> in, int top) {
        WinnerPicker picker = ctx.settings().picker();
        if (picker == null) {
            throw o.error("by: 'ask' needs someone to type the numbers, and this run has nobody to ask", "use by: 'drift' or pick: [1, 2]");
        }
        List<Item> scored = ctx.scored(in);
        int keep = Math.min(top, scored.size());
        List<GalleryItem> tiles = new ArrayList<>();
        List<WinnerPicker.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Item item = scored.get(i);
            // The sheet numbers its tiles itself (1, 2, ...), as the user types them.
            tiles.add(new GalleryItem(item.file(), item.drift() == null ? "" : String.format(Locale.ROOT, "drift %.3f", item.drift()), null));
            candidates.add(new WinnerPicker.Candidate(i + 1, item.file(), item.drift()));
        }
        Path sheet = ctx.settings().runDir().resolve(key).resolve("contact-sheet.png");
        ContactSheet.write(tiles, sheet);
        List<Integer> numbers;
        try {
            numbers = picker.pick(new WinnerPicker.Request(o.where(), sheet, candidates, keep));
        } catch (WinnerPicker.Cancelled e) {
            throw o.error("the run was cancelled while choosing the winners; the " + in.size()
                    + " explored images are paid for and kept in the run folder and its journal",
                    "run the same command again to choose (nothing is paid twice), or write pick: [1, 2] or by: 'drift'");
        }
        if (numbers.isEmpty()) {
            List<Item> ranked = new ArrayList<>(scored);
            if (ctx.settings().drift() != null) {
                ranked.sort(Comparator.comparingDouble(Item::drift)); // stable: ties keep explore order
            }
            List<Item> out = List.copyOf(ranked.subList(0, keep));
            return new Result(out, "nothing typed: kept " + out.size() + " of " + in.size()
                    + (ctx.settings().drift() != null ? " by drift" : " in explore order"));
        }
        List<Item> out = new ArrayList<>();
        for (int n : numbers) {
            out.add(scored.get(n - 1));
        }
        return new Result(out, "picked " + String.join(", ", numbers.stream().map(String::valueOf).toList()) + " of " + in.size() + " (asked)");
    }
}
