package dev.sitter.cli;

import dev.sitter.library.Library;
import dev.sitter.model.Provenance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** {@code sitter qa ASSET CHECK pass|fail|skip}: records a quality check on an asset by hand. */
final class QaCommand extends LibraryCommand {
    @Override public String name() { return "qa"; }

    @Override public String summary() { return "record a quality check (pass/fail) on an asset"; }

    @Override public String help() {
        return "usage: sitter qa ASSET CHECK pass|fail|skip [--score N] [--note TEXT] [--library DIR]\n\n"
                + "Adds the result of CHECK to ASSET's record (replacing an earlier result of the same check).\n"
                + "'sitter ls --qa pass|fail|partial|none' then filters on it.\n\n"
                + "  --score N       a score, e.g. 0.93\n  --note TEXT     free text\n" + LIBRARY_HELP
                + "\nexample: sitter qa 3f2a9c1b 'scar on the left cheek' pass\n";
    }

    @Override
    int execute(List<String> argv, CliContext ctx) throws Exception {
        LibraryArgs a = LibraryArgs.parse(argv, Set.of("--score", "--note"), Set.of());
        if (a.positional().size() != 3) throw new UsageException("give ASSET, CHECK and pass|fail|skip");
        String status = a.positional().get(2);
        if (!Set.of("pass", "fail", "skip").contains(status)) {
            throw new UsageException("the result must be pass, fail or skip, not '" + status + "'");
        }
        String check = a.positional().get(1).strip();
        if (check.isEmpty()) throw new UsageException("CHECK must not be empty");
        Double score = a.get("--score") == null ? null : a.decimal("--score").doubleValue();
        Library lib = existing(a.library(ctx), ctx);
        Provenance p = lib.addQa(a.positional().get(0), new Provenance.QaResult(check, status, score, a.get("--note"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        ctx.out().println(shortId(p.assetId()) + " qa " + p.qaStatus() + " (" + p.qa().size() + " check(s))");
        return ExitCodes.OK;
    }
}
