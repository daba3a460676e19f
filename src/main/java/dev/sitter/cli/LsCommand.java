package dev.sitter.cli;

import dev.sitter.library.IndexEntry;
import dev.sitter.library.Library;
import dev.sitter.model.Json;
import dev.sitter.pack.ImportedAssets;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Set;

/**
 * {@code sitter ls} (a table) and {@code sitter find} (full ids and image paths, one per line,
 * for scripts): both filter the library index by character, style, model, seed, date, QA and cost.
 * With {@code --imported} or {@code --pack NAME} they list the portraits of imported packs instead,
 * from their authors' records (see {@link ImportedAssets}: never the user's index or ledger).
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
        return "usage: sitter " + name() + " [FILTERS] [--imported | --pack NAME[/VERSION]] [--limit N] [--json] [--library DIR]\n\n"
                + (find ? "Prints the full asset id and image path of every matching asset, one per line.\n"
                        : "Lists recorded assets, oldest first, as a table.\n")
                + "\nfilters (all optional, combined with AND):\n"
                + "  --character ID    --style ID    --model NAME    --seed N    --step STEP\n"
                + "  --from DATE       --to DATE     (2026-11-27 or 2026-11-27T10:00:00Z, inclusive)\n"
                + "  --qa pass|fail|partial|none     --min-cost N    --max-cost N\n"
                + "options:\n"
                + "  --imported        the assets of the packs you imported (sitter pack import), with their pack;\n"
                + "                    their costs are the authors' and never count in your ledger\n"
                + "  --pack NAME       the same for one pack (NAME or NAME/VERSION)\n"
                + "  --limit N         only the N most recent matches\n"
                + "  --json            one JSON object per line\n"
                + LIBRARY_HELP
                + "\nexample: sitter " + name() + " --character mara --from 2026-11-01 --qa pass\n";
    }

    private static final int[] WIDTHS = {12, 16, 12, 9, 12, 20, -12, 7};  // STEP fits "composite"
    /** The same columns, the author's cost padded, then the pack. */
    private static final int[] IMPORTED_WIDTHS = {12, 16, 12, 9, 12, 20, -12, 7, 16};

    private static void row(StringBuilder sb, String... cells) { row(sb, WIDTHS, cells); }

    /** Columns padded to widths (negative: right-aligned), two spaces apart; the last one as is. */
    private static void row(StringBuilder sb, int[] widths, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i == cells.length - 1) { sb.append(c); break; }
            int w = Math.abs(widths[i]);
            if (widths[i] < 0) sb.append(" ".repeat(Math.max(0, w - c.length()))).append(c);
            else sb.append(c).append(" ".repeat(Math.max(0, w - c.length())));
            sb.append("  ");
        }
        sb.append(System.lineSeparator());
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        Set<String> opts = new java.util.HashSet<>(LibraryArgs.FILTERS);
        opts.add("--limit");
        opts.add("--pack");
        LibraryArgs a = LibraryArgs.parse(argv, opts, Set.of("--json", "--imported"));
        if (!a.positional().isEmpty()) throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        boolean imported = a.has("--imported") || a.get("--pack") != null;
        if (find && !a.hasFilter() && !imported) throw new UsageException("give at least one filter, e.g. --seed 4242 (or use 'sitter ls')");
        if (imported) return imported(a, ctx);
        if (onlyImportedPacks(a.library(ctx))) {
            // a valid library, just empty of the user's own assets: nothing matches, say where the packs' assets are
            if (!a.has("--json")) ctx.err().println("no assets of your own in " + a.library(ctx) + " yet; it holds imported packs: " + IMPORTED_HINT);
            return ExitCodes.OK;
        }
        Library lib = existing(a.library(ctx), ctx);
        List<IndexEntry> hits = limit(lib.find(a.query()), a);
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
        if (hits.isEmpty() && !a.has("--json")) {
            ctx.err().println("no matching assets in " + lib.root());
            // a mistyped step or character matches nothing silently: name what the library has
            for (String h : FilterHints.forQuery(a.query(), lib.find(dev.sitter.library.Query.ALL))) ctx.err().println(h);
        }
        if (!find && !a.has("--json") && holdsImportedPacks(lib.root())) {
            ctx.err().println("(assets of imported packs are listed apart: sitter ls --imported)");
        }
        return ExitCodes.OK;
    }

    private static <T> List<T> limit(List<T> hits, LibraryArgs a) {
        if (a.get("--limit") == null) return hits;
        long n = a.number("--limit");
        if (n < 0) throw new UsageException("--limit must not be negative");
        return hits.size() > n ? hits.subList(hits.size() - (int) n, hits.size()) : hits;
    }

    /** {@code --imported} / {@code --pack NAME}: the imported packs' assets, with the pack each is in. */
    private int imported(LibraryArgs a, CliContext ctx) {
        Path root = a.library(ctx);
        if (!Files.isDirectory(root.resolve("packs"))) {
            throw new dev.sitter.pack.PackException("no pack is imported into " + root + "; `sitter pack import FILE` imports one"
                    + " (or point --library at the library you imported into).");
        }
        ImportedAssets.Listing listing = ImportedAssets.list(root, a.get("--pack"), a.query());
        listing.warnings().forEach(w -> ctx.err().println("warning: " + w));
        List<ImportedAssets.Imported> hits = limit(listing.assets(), a);
        StringBuilder sb = new StringBuilder(hits.size() * 140 + 200);
        if (a.has("--json")) {
            for (ImportedAssets.Imported i : hits) {
                com.fasterxml.jackson.databind.node.ObjectNode o = Json.MAPPER.valueToTree(i.entry());
                o.put("pack", i.pack()).put("packVersion", i.version()).put("image", i.image().toString());
                sb.append(Json.compact(o)).append('\n');
            }
        } else if (find) {
            for (ImportedAssets.Imported i : hits) sb.append(i.entry().assetId()).append('\t').append(i.image()).append('\n');
        } else if (!hits.isEmpty()) {
            row(sb, IMPORTED_WIDTHS, "ASSET", "RECORDED", "CHARACTER", "STEP", "STYLE", "MODEL", "SEED", "QA", "AUTHOR'S COST", "PACK");
            for (ImportedAssets.Imported i : hits) {
                IndexEntry e = i.entry();
                String at = e.recordedAt() == null ? "-" : e.recordedAt().replace('T', ' ');
                if (at.length() > 16) at = at.substring(0, 16);
                row(sb, IMPORTED_WIDTHS, shortId(e.assetId()), at, nz(e.character()), nz(e.step()), nz(e.style()), nz(e.model()),
                        nz(e.seed()), nz(e.qa()), e.cost() == null ? "-" : e.cost().toPlainString() + " " + nz(e.costUnit()), i.packId());
            }
        }
        ctx.out().print(sb);
        if (a.has("--json")) return ExitCodes.OK;
        if (hits.isEmpty()) {
            ctx.err().println("no matching assets in the packs imported into " + root);
        } else if (!find) {
            java.util.List<String> cost = new java.util.ArrayList<>();
            ImportedAssets.authorCost(hits).forEach((unit, amount) -> cost.add(amount.toPlainString() + " " + unit));
            ctx.err().println(hits.size() + " imported asset(s); " + (cost.isEmpty() ? "no cost recorded" : "the authors spent "
                    + String.join(" + ", cost)) + " on them, which is not in your ledger. `sitter pack replay NAME/VERSION`"
                    + " makes them your own.");
        }
        return ExitCodes.OK;
    }
}
