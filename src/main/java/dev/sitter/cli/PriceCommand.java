package dev.sitter.cli;

import dev.sitter.library.Library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** {@code sitter price ASSET AMOUNT}: sets the final asset price in the ledger. */
final class PriceCommand extends LibraryCommand {
    @Override public String name() { return "price"; }

    @Override public String summary() { return "set the final price of an asset in the ledger"; }

    @Override public String help() {
        return "usage: sitter price ASSET AMOUNT [--library DIR]\n\n"
                + "Sets final_asset_price of ASSET's row in ledger.csv (AMOUNT like 4.99, no currency sign).\n"
                + LIBRARY_HELP + "\nexample: sitter price 3f2a9c1b 4.99\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of());
        if (a.positional().size() != 2) throw new UsageException("give ASSET and AMOUNT, e.g. 'sitter price 3f2a9c1b 4.99'");
        BigDecimal amount;
        try {
            amount = new BigDecimal(a.positional().get(1).strip());
        } catch (NumberFormatException e) {
            throw new UsageException("AMOUNT must be a number like 4.99 (no currency sign), not '" + a.positional().get(1) + "'");
        }
        if (amount.signum() < 0) throw new UsageException("AMOUNT must not be negative");
        Library lib = existing(a.library(ctx), ctx);
        String id = lib.resolve(a.positional().get(0));
        lib.setPrice(id, amount);
        ctx.out().println(shortId(id) + " final_asset_price = " + amount.toPlainString());
        return ExitCodes.OK;
    }
}
