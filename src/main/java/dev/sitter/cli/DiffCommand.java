package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.library.RecordDiff;
import dev.sitter.model.Provenance;

import java.util.List;
import java.util.Set;

/** {@code sitter diff A B}: what differs between two assets' recipes, field by field. */
final class DiffCommand extends LibraryCommand {
    @Override public String name() { return "diff"; }

    @Override public String summary() { return "compare two assets' recipes field by field"; }

    @Override public String help() {
        return "usage: sitter diff A B [--all] [--library DIR]\n\n"
                + "Prints every recipe and result field that differs, as 'path: A-value -> B-value'.\n"
                + "Ids, hashes and timestamps (which always differ) are left out unless --all is given.\n\n"
                + "  --all           include asset ids, file hashes and times\n" + LIBRARY_HELP
                + "\nexample: sitter diff 3f2a9c1b 77e0d4aa\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of("--all"));
        if (a.positional().size() != 2) throw new UsageException("give two ASSET ids or prefixes");
        Library lib = existing(a.library(ctx), ctx);
        Provenance left = lib.get(a.positional().get(0));
        Provenance right = lib.get(a.positional().get(1));
        List<RecordDiff.Change> changes = RecordDiff.diff(left, right, a.has("--all"));
        ctx.out().println("--- " + shortId(left.assetId()));
        ctx.out().println("+++ " + shortId(right.assetId()));
        if (changes.isEmpty()) ctx.out().println("(same recipe)");
        for (RecordDiff.Change c : changes) {
            ctx.out().println(c.path() + ": " + show(c.left()) + " -> " + show(c.right()));
        }
        return ExitCodes.OK;
    }

    private static String show(String v) {
        if (v == null) return "(unset)";
        String oneLine = v.replace("\n", "\\n");
        return oneLine.length() > 200 ? '"' + oneLine.substring(0, 197) + "...\"" : '"' + oneLine + '"';
    }
}
