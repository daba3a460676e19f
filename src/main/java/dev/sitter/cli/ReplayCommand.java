package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;

import java.util.List;
import java.util.Set;

/**
 * {@code sitter replay ASSET}: rebuilds the exact request from an asset's record and, when a
 * {@link Runner} is wired in, sends it again. Without a runner (or with --dry-run) it prints the
 * request, so it can be inspected or fed to another tool.
 */
public final class ReplayCommand extends LibraryCommand {
    /** Sends a rebuilt request and records what it makes; wired by whoever owns the client. */
    public interface Runner {
        /**
         * @param spec   the request rebuilt from the record ({@link Provenance#toSpec()})
         * @param source the record it came from (parent for lineage)
         * @param lib    the library to record into
         * @return an exit code
         */
        int run(PromptSpec spec, Provenance source, Library lib, CliContext ctx) throws Exception;
    }

    private final Runner runner;

    public ReplayCommand() { this(null); }

    public ReplayCommand(Runner runner) { this.runner = runner; }

    @Override public String name() { return "replay"; }

    @Override public String summary() { return "rebuild an asset's exact request and generate it again"; }

    @Override public String help() {
        return "usage: sitter replay ASSET [--dry-run] [--library DIR]\n\n"
                + "Rebuilds the exact request that made ASSET (same prompt, model, size, seed, references)\n"
                + "and generates it again, recording the result. A seed the original left random is\n"
                + "replaced by the seed the backend reported, so the replay is deterministic.\n\n"
                + "  --dry-run       print the rebuilt request (JSON) instead of sending it\n" + LIBRARY_HELP
                + "\nexample: sitter replay 3f2a9c1b --dry-run\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of("--dry-run"));
        if (a.positional().size() != 1) throw new UsageException("give exactly one ASSET id or prefix");
        Library lib = existing(a.library(ctx), ctx);
        Provenance p;
        try {
            p = lib.get(a.positional().get(0));
        } catch (dev.sitter.library.LibraryException e) {
            dev.sitter.pack.ImportedAssets.Imported i = e.getMessage().startsWith("no asset starts with")
                    ? dev.sitter.pack.ImportedAssets.find(lib.root(), a.positional().get(0)) : null;
            if (i == null) throw e;
            throw new dev.sitter.library.LibraryException("asset " + i.entry().assetId().substring(0, 12) + " is in the imported pack "
                    + i.packId() + ", not in your library; `sitter pack replay " + i.packId() + "` regenerates the pack's assets"
                    + " (with their lineage) as your own.");
        }
        PromptSpec spec = p.toSpec();
        if (runner == null || a.has("--dry-run")) {
            ctx.out().println(Json.pretty(spec));
            if (runner == null && !a.has("--dry-run")) {
                ctx.err().println("(printed the request only: this build has no generation client wired to replay)");
            }
            return ExitCodes.OK;
        }
        return runner.run(spec, p, lib, ctx);
    }
}
