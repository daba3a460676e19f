package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;

import dev.sitter.pack.ImportedAssets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code sitter show ASSET}: where an asset's files are, and its full provenance record. An asset
 * that is not the library's own but is in an imported pack is shown from the pack, saying so.
 */
final class ShowCommand extends LibraryCommand {
    @Override public String name() { return "show"; }

    @Override public String summary() { return "show an asset's files and provenance record"; }

    @Override public String help() {
        return "usage: sitter show ASSET [--json] [--library DIR]\n\n"
                + "ASSET is an asset id or a unique prefix of it (4+ hex digits), as 'sitter ls' prints.\n"
                + "Prints the image, original and record paths, then the record. An asset of an imported\n"
                + "pack (sitter ls --imported) is shown from the pack, with the pack it is in.\n\n"
                + "  --json          print only the record (JSON)\n" + LIBRARY_HELP
                + "\nexample: sitter show 3f2a9c1b\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of("--json"));
        if (a.positional().size() != 1) throw new UsageException("give exactly one ASSET id or prefix");
        String id = a.positional().get(0);
        Path root = a.library(ctx);
        if (!Files.isDirectory(root.resolve("records")) || !ownAsset(root, id, ctx)) {
            ImportedAssets.Imported i = ImportedAssets.find(root, id);
            if (i != null) return showImported(i, a.has("--json"), ctx);
        }
        Library lib = existing(root, ctx);
        Provenance p = lib.get(id);
        if (!a.has("--json")) {
            ctx.out().println("asset     " + p.assetId());
            ctx.out().println("image     " + lib.imagePath(p));
            ctx.out().println("original  " + lib.root().resolve(p.files().original().path()));
            ctx.out().println("record    " + lib.recordPath(p.assetId()));
            ctx.out().println();
        }
        ctx.out().println(Json.pretty(p));
        return ExitCodes.OK;
    }

    /** Whether the library itself has this asset (a bad or ambiguous prefix counts as its own: its error is the one to show). */
    private static boolean ownAsset(Path root, String id, CliContext ctx) {
        try {
            existing(root, ctx).resolve(id);
            return true;
        } catch (dev.sitter.library.LibraryException e) {
            return !e.getMessage().startsWith("no asset starts with");
        }
    }

    /** The author's record as the pack holds it (never parsed into the library; terminal-unsafe characters escaped). */
    private static int showImported(ImportedAssets.Imported i, boolean json, CliContext ctx) throws java.io.IOException {
        if (!json) {
            ctx.out().println("asset     " + i.entry().assetId());
            ctx.out().println("pack      " + i.packId() + " (imported: the author's record and cost, not in your ledger;"
                    + " `sitter pack replay " + i.packId() + "` makes it your own)");
            ctx.out().println("image     " + i.image());
            ctx.out().println("record    " + i.record());
            ctx.out().println();
        }
        // a stranger's text: nothing in it may steer the terminal (controls, bidi overrides are shown escaped)
        ctx.out().println(ImportedAssets.recordForTerminal(Json.MAPPER.readTree(Files.readAllBytes(i.record()))));
        return ExitCodes.OK;
    }
}
