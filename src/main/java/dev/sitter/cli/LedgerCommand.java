package dev.sitter.cli;

import dev.sitter.library.Ledger;
import dev.sitter.library.LedgerTotals;
import dev.sitter.library.Library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code sitter ledger}: what the library cost and earned, by character, model and day. */
final class LedgerCommand extends LibraryCommand {
    @Override public String name() { return "ledger"; }

    @Override public String summary() { return "totals of render cost and prices by character, model, day"; }

    @Override public String help() {
        return "usage: sitter ledger [--by character|model|day] [--library DIR]\n\n"
                + "Sums ledger.csv: assets, render cost (per cost unit, e.g. credits) and final asset prices.\n"
                + "With no --by, prints all three groupings. The raw file is <library>/ledger.csv.\n\n"
                + "  --by KEY        group only by character, model or day\n" + LIBRARY_HELP;
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of("--by"), Set.of());
        if (!a.positional().isEmpty()) throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        String by = a.get("--by");
        if (by != null && !Set.of("character", "model", "day").contains(by)) {
            throw new UsageException("--by must be character, model or day, not '" + by + "'");
        }
        Library lib = existing(a.library(ctx), ctx);
        List<Ledger.Row> rows = lib.ledger().rows();
        if (by == null || by.equals("character")) print(ctx, "character", rows, Ledger.Row::character);
        if (by == null || by.equals("model")) print(ctx, "model", rows, Ledger.Row::model);
        if (by == null || by.equals("day")) print(ctx, "day", rows, Ledger.Row::day);
        ctx.out().println("ledger: " + lib.ledger().file());
        return ExitCodes.OK;
    }

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
