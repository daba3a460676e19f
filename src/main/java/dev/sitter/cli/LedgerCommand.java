package dev.sitter.cli;

import dev.sitter.library.Ledger;
import dev.sitter.library.LedgerTotals;
import dev.sitter.library.Library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code sitter ledger}: what the library cost and earned, by character, pipeline step, model and day. */
final class LedgerCommand extends LibraryCommand {
    @Override public String name() { return "ledger"; }

    @Override public String summary() { return "totals of render cost and prices by character, step, model, day"; }

    @Override public String help() {
        return "usage: sitter ledger [--by character|step|character+step|model|day] [--library DIR]\n\n"
                + "Sums ledger.csv: assets, render cost (per cost unit, e.g. credits) and final asset prices.\n"
                + "The step is what made the asset: generate, explore, refine, upscale, inpaint, nobg.\n"
                + "With no --by, prints the character, step, model and day groupings. The raw file is <library>/ledger.csv.\n\n"
                + "  --by KEY        group only by character, step, character+step (e.g. mara/refine), model or day\n" + LIBRARY_HELP;
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of("--by"), Set.of());
        if (!a.positional().isEmpty()) throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        String by = a.get("--by");
        if (by != null && !Set.of("character", "step", "character+step", "model", "day").contains(by)) {
            throw new UsageException("--by must be character, step, character+step, model or day, not '" + by + "'");
        }
        if (onlyImportedPacks(a.library(ctx))) {
            ctx.out().println("nothing recorded in " + a.library(ctx) + " yet, so nothing spent. It holds imported packs, whose"
                    + " costs are their authors' and never count here: " + IMPORTED_HINT);
            return ExitCodes.OK;
        }
        Library lib = existing(a.library(ctx), ctx);
        List<Ledger.Row> rows = lib.ledger().rows();
        if (by == null || by.equals("character")) print(ctx, "character", rows, Ledger.Row::character);
        if (by == null || by.equals("step")) print(ctx, "step", rows, r -> orNone(r.step()));
        if ("character+step".equals(by)) print(ctx, "character/step", rows, r -> orNone(r.character()) + "/" + orNone(r.step()));
        if (by == null || by.equals("model")) print(ctx, "model", rows, Ledger.Row::model);
        if (by == null || by.equals("day")) print(ctx, "day", rows, Ledger.Row::day);
        ctx.out().println("ledger: " + lib.ledger().file());
        return ExitCodes.OK;
    }

    /** Records from before steps were recorded (or made outside a pipeline command) have none. */
    private static String orNone(String s) { return s == null || s.isBlank() ? "(none)" : s; }

    private static void print(CliContext ctx, String title, List<Ledger.Row> rows, Function<Ledger.Row, String> key) {
        String fmt = "%-24s  %7s  %-24s  %s%n";
        ctx.out().printf(fmt, "BY " + title.toUpperCase(), "ASSETS", "RENDER COST", "FINAL PRICES");
        for (LedgerTotals.Total t : LedgerTotals.by(rows, key)) {
            StringBuilder cost = new StringBuilder();
            for (Map.Entry<String, BigDecimal> c : t.cost().entrySet()) {
                if (cost.length() > 0) cost.append(", ");
                cost.append(c.getValue().toPlainString()).append(' ').append(c.getKey());
            }
            ctx.out().printf(fmt, t.key(), t.assets(), cost.length() == 0 ? "-" : cost,
                    t.pricedAssets() == 0 ? "-" : t.priced().toPlainString() + " (" + t.pricedAssets() + " priced)");
        }
        ctx.out().println();
    }
}
