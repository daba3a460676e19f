package dev.sitter.cli;

import dev.sitter.library.IndexEntry;
import dev.sitter.library.Library;
import dev.sitter.model.Json;

import java.util.List;
import java.util.Set;

/**
 * {@code sitter ls} (a table) and {@code sitter find} (full ids and image paths, one per line,
 * for scripts): both filter the library index by character, style, model, seed, date, QA and cost.
 */
final class LsCommand extends LibraryCommand {
    private final boolean find;

    private LsCommand(boolean find) { this.find = find; }

    static LsCommand ls() { return new LsCommand(false); }

    static LsCommand find() { return new LsCommand(true); }

    @Override public String name() { return find ? "find" : "ls"; }

    @Override public String summary() {
        return find ? "find assets by seed, character, date, ...: full ids and paths" : "list recorded assets (filterable)";
    }

    @Override public String help() {
        return "usage: sitter " + name() + " [FILTERS] [--limit N] [--json] [--library DIR]\n\n"
                + (find ? "Prints the full asset id and image path of every matching asset, one per line.\n"
                        : "Lists recorded assets, oldest first, as a table.\n")
                + "\nfilters (all optional, combined with AND):\n"
                + "  --character ID    --style ID    --model NAME    --seed N    --step STEP\n"
                + "  --from DATE       --to DATE     (2026-11-27 or 2026-11-27T10:00:00Z, inclusive)\n"
                + "  --qa pass|fail|partial|none     --min-cost N    --max-cost N\n"
                + "options:\n"
                + "  --limit N         only the N most recent matches\n"
                + "  --json            one JSON object per line\n"
                + LIBRARY_HELP
                + "\nexample: sitter " + name() + " --character mara --from 2026-11-01 --qa pass\n";
    }

    private static final int[] WIDTHS = {12, 16, 12, 8, 12, 20, -12, 7};

    /** Columns padded to WIDTHS (negative: right-aligned), two spaces apart; the last one as is. */
    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i == cells.length - 1) { sb.append(c); break; }
            int w = Math.abs(WIDTHS[i]);
            if (WIDTHS[i] < 0) sb.append(" ".repeat(Math.max(0, w - c.length()))).append(c);
            else sb.append(c).append(" ".repeat(Math.max(0, w - c.length())));
            sb.append("  ");
        }
        sb.append(System.lineSeparator());
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        Set<String> opts = new java.util.HashSet<>(LibraryArgs.FILTERS);
        opts.add("--limit");
        LibraryArgs a = LibraryArgs.parse(argv, opts, Set.of("--json"));
        if (!a.positional().isEmpty()) throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        if (find && !a.hasFilter()) throw new UsageException("give at least one filter, e.g. --seed 4242 (or use 'sitter ls')");
        Library lib = existing(a.library(ctx), ctx);
        List<IndexEntry> hits = lib.find(a.query());
        if (a.get("--limit") != null) {
            long n = a.number("--limit");
            if (n < 0) throw new UsageException("--limit must not be negative");
            if (hits.size() > n) hits = hits.subList(hits.size() - (int) n, hits.size());
        }
        StringBuilder sb = new StringBuilder(hits.size() * 120 + 200);
        if (a.has("--json")) {
            for (IndexEntry e : hits) sb.append(Json.compact(e)).append('\n');
        } else if (find) {
            for (IndexEntry e : hits) {
                sb.append(e.assetId()).append('\t').append(lib.imagePath(e)).append('\n');
            }
        } else if (!hits.isEmpty()) {
            // Plain padding, not String.format: thousands of rows print in milliseconds.
            row(sb, "ASSET", "RECORDED", "CHARACTER", "STEP", "STYLE", "MODEL", "SEED", "QA", "COST");
            for (IndexEntry e : hits) {
                String at = e.recordedAt() == null ? "-" : e.recordedAt().replace('T', ' ');
                if (at.length() > 16) at = at.substring(0, 16);
                row(sb, shortId(e.assetId()), at, nz(e.character()), nz(e.step()), nz(e.style()), nz(e.model()),
                        nz(e.seed()), nz(e.qa()), e.cost() == null ? "-" : e.cost().toPlainString() + " " + nz(e.costUnit()));
            }
        }
        ctx.out().print(sb);
        if (hits.isEmpty() && !a.has("--json")) ctx.err().println("no matching assets in " + lib.root());
        return ExitCodes.OK;
    }
}
