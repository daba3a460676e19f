package dev.sitter.cli;

import dev.sitter.library.Journal;
import dev.sitter.library.Library;

import java.util.List;
import java.util.Set;

/**
 * {@code sitter journal [abandon ID]}: the paid requests an interrupted run left open. A later run
 * of the same request collects them; {@code abandon} is for one the user has checked by hand.
 */
final class JournalCommand extends LibraryCommand {
    @Override public String name() { return "journal"; }

    @Override public String summary() { return "list paid requests an interrupted run left open; abandon one"; }

    @Override public String help() {
        return "usage: sitter journal [--library DIR]\n"
                + "       sitter journal abandon ID [--library DIR]\n\n"
                + "Every paid request is journaled before it is sent and completed once its images are\n"
                + "recorded. A run killed in between leaves the intent open: running the same request\n"
                + "again collects the images instead of paying twice. An intent with no generation id\n"
                + "may or may not have reached Leonardo; check the web app's history, then abandon it\n"
                + "so the request may be sent again.\n"
                + LIBRARY_HELP;
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of());
        Library lib = existing(a.library(ctx), ctx);
        List<String> pos = a.positional();
        if (pos.isEmpty()) {
            List<Journal.Pending> pending = lib.journal().pending();
            if (pending.isEmpty()) {
                ctx.out().println("no open intents: every paid request was collected");
                return ExitCodes.OK;
            }
            for (Journal.Pending p : pending) {
                ctx.out().printf("%s  %s  %-9s generation %s  %s%n", p.id(), p.startedAt(), p.intent().action(),
                        p.generationId() == null ? "(not confirmed)" : p.generationId(),
                        p.intent().spec() == null || p.intent().spec().recipe().characterId() == null ? ""
                                : "character " + p.intent().spec().recipe().characterId());
            }
            return ExitCodes.OK;
        }
        if (pos.size() == 2 && pos.get(0).equals("abandon")) {
            String id = pos.get(1);
            boolean known = lib.journal().pending().stream().anyMatch(p -> p.id().equals(id));
            if (!known) throw new UsageException("no open intent '" + id + "'; 'sitter journal' lists them");
            lib.journal().abandon(id, "abandoned by the user");
            ctx.out().println("abandoned " + id + ": the same request will be sent again next time");
            return ExitCodes.OK;
        }
        throw new UsageException("expected no arguments or 'abandon ID'");
    }
}
