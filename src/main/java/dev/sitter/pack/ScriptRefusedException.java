package dev.sitter.pack;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pack script uses something outside the declarative subset (or does not parse). Carries every
 * violation found, each naming file, line and construct; nothing of the script has run.
 */
public final class ScriptRefusedException extends PackException {
    private final List<ScriptViolation> violations;

    public ScriptRefusedException(List<ScriptViolation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
    }

    public List<ScriptViolation> violations() {
        return violations;
    }

    private static String render(List<ScriptViolation> violations) {
        String head = violations.size() == 1
                ? "pack script refused: "
                : "pack script refused (" + violations.size() + " problems): ";
        String list = violations.stream().limit(10).map(ScriptViolation::toString)
                .collect(Collectors.joining("; "));
        String more = violations.size() > 10 ? "; ... and " + (violations.size() - 10) + " more" : "";
        return head + list + more + ". Pack scripts are data, not code: only DSL keywords with constant"
                + " values, lists, maps, ranges and parameterless blocks are accepted. If you trust the"
                + " pack's author, re-run with --trust to run its scripts as full Groovy.";
    }
}
