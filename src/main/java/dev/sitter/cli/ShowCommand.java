package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;

import java.util.List;
import java.util.Set;

/** {@code sitter show ASSET}: where an asset's files are, and its full provenance record. */
final class ShowCommand extends LibraryCommand {
    @Override public String name() { return "show"; }

    @Override public String summary() { return "show an asset's files and provenance record"; }

    @Override public String help() {
        return "usage: sitter show ASSET [--json] [--library DIR]\n\n"
                + "ASSET is an asset id or a unique prefix of it (4+ hex digits), as 'sitter ls' prints.\n"
                + "Prints the image, original and record paths, then the record.\n\n"
                + "  --json          print only the record (JSON)\n" + LIBRARY_HELP
                + "\nexample: sitter show 3f2a9c1b\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of("--json"));
        if (a.positional().size() != 1) throw new UsageException("give exactly one ASSET id or prefix");
        Library lib = existing(a.library(ctx), ctx);
        Provenance p = lib.get(a.positional().get(0));
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
}
