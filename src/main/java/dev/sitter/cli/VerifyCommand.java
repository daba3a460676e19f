package dev.sitter.cli;

import dev.sitter.library.Journal;
import dev.sitter.library.Library;
import dev.sitter.library.VerifyReport;

import java.util.List;
import java.util.Set;

/** {@code sitter verify}: the library's fsck. Exit 0 when sound, 1 on any problem. */
final class VerifyCommand extends LibraryCommand {
    @Override public String name() { return "verify"; }

    @Override public String summary() { return "check every image, record, index and ledger row (like git fsck)"; }

    @Override public String help() {
        return "usage: sitter verify [--reindex] [--library DIR]\n\n"
                + "Finishes or undoes any write a crash interrupted, then rehashes every image, checks every\n"
                + "record and the metadata embedded in each image, the index, the ledger and the journal,\n"
                + "and lists orphan files. Prints each problem with the file and what to do; exits 1 if\n"
                + "there is any. Open intents in the journal (paid work a crash interrupted) are listed\n"
                + "for resumption but are not problems.\n\n"
                + "  --reindex       rebuild index/assets.tsv from the records first\n" + LIBRARY_HELP;
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of(), Set.of("--reindex"));
        if (!a.positional().isEmpty()) throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        Library lib = existing(a.library(ctx), ctx);
        if (a.has("--reindex")) ctx.out().println("reindexed " + lib.reindex() + " records");
        VerifyReport r = lib.verify();
        for (String n : r.notes()) ctx.out().println("note: " + n);
        for (Journal.Pending p : r.pending()) {
            ctx.out().println("pending: intent " + p.id() + " (" + (p.intent() == null ? "?" : p.intent().action())
                    + ", started " + p.startedAt() + ")"
                    + (p.generationId() == null ? ": no generation id was journaled; check the backend before resubmitting"
                                                : ": generation " + p.generationId() + " can be resumed"));
        }
        for (VerifyReport.Problem p : r.problems()) {
            ctx.err().println(p.kind() + ": " + p.path() + ": " + p.message());
        }
        ctx.out().printf("%d records, %d image files, %.1f MB hashed at %.0f MB/s: %s%n", r.records(), r.files(),
                r.bytesHashed() / 1e6, r.megabytesPerSecond(),
                r.ok() ? "ok" : r.problems().size() + " problem(s)");
        return r.ok() ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
    }
}
