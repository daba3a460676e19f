package dev.sitter.cli;

import dev.sitter.library.Journal;
import dev.sitter.library.Library;
import dev.sitter.library.LibraryException;

import java.util.List;
import java.util.Set;

/**
 * {@code sitter journal}: the paid requests a crash or a lost network left open, and
 * {@code sitter journal abandon ID} to close one by hand once you know it was never charged
 * (or you accept paying again).
 */
final class JournalCommand extends LibraryCommand {
    @Override public String name() { return "journal"; }

    @Override public String summary() { return "list interrupted paid requests; abandon one by hand"; }

    @Override public String help() {
        return "usage: sitter journal [--library DIR]\n"
                + "       sitter journal abandon ID [--reason TEXT] [--library DIR]\n\n"
                + "Every paid request is journaled before it is sent. With no action, lists the ones still open\n"
                + "(a run was killed or lost the network): with a generation id, the next run collects the images\n"
                + "instead of paying again; without one, Leonardo may or may not have charged for it.\n"
                + "'abandon' closes an open request, so the next run sends it again: do that only after checking\n"
                + "your generation history in the Leonardo web app. ID may be a unique prefix.\n\n"
                + "  --reason TEXT   why it was abandoned (kept in the journal)\n" + LIBRARY_HELP;
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of("--reason"), Set.of());
        Library lib = Library.open(a.library(ctx), java.time.Clock.systemUTC(),
                dev.sitter.library.SecretScrubber.fromEnv(ctx.env()));
        List<Journal.Pending> pending = lib.journal().pending();
        if (a.positional().isEmpty() || a.positional().equals(List.of("pending"))) {
            for (Journal.Pending p : pending) {
                Journal.Intent i = p.intent();
                String what = i == null ? "?" : i.action() + (i.spec() != null && i.spec().recipe().characterId() != null
                        ? " " + i.spec().recipe().characterId() : "") + (i.spec() != null && i.spec().seed() != null
                        ? " seed " + i.spec().seed() : "");
                ctx.out().println(p.id() + "  " + p.startedAt() + "  " + what + "  "
                        + (p.generationId() == null ? "not submitted (may be unpaid; check before resending)"
                                                    : "generation " + p.generationId() + " (collected by the next run)"));
            }
            if (pending.isEmpty()) ctx.err().println("no open paid requests in " + lib.root());
            return ExitCodes.OK;
        }
        if (!a.positional().get(0).equals("abandon") || a.positional().size() != 2) {
            throw new UsageException("give no action (to list) or 'abandon ID'");
        }
        String want = a.positional().get(1);
        List<Journal.Pending> hits = pending.stream().filter(p -> p.id().startsWith(want)).toList();
        if (hits.isEmpty()) throw new LibraryException("no open request '" + want + "' in " + lib.journal().file()
                + "; 'sitter journal' lists the open ones.");
        if (hits.size() > 1) throw new LibraryException("'" + want + "' matches " + hits.size() + " open requests; give more of the id.");
        String reason = a.get("--reason") == null ? "abandoned by hand (sitter journal abandon)" : a.get("--reason");
        lib.journal().abandon(hits.get(0).id(), reason);
        ctx.out().println("abandoned " + hits.get(0).id() + ": the next run will send this request again");
        return ExitCodes.OK;
    }
}
