package dev.sitter.dsl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the DSL's {@code pack} keyword hands over to: export, check, import and replay of
 * prompt+asset packs. Like {@link Studio}, the DSL only checks the words and the shape of the
 * arguments; the work is done by {@code dev.sitter.pack} (the same classes {@code sitter pack} uses),
 * wired in by whoever builds the shell.
 */
public interface Packs {
    /**
     * @param action  export, check, import or replay (already checked)
     * @param target  the pack name (export) or the pack file / imported NAME/VERSION (check, import, replay)
     * @param options the named arguments as written (already checked against the action's list)
     * @param scripts the scripts export reads definitions from: those given with {@code scripts:}, else the running script file
     * @param baseDir where relative file names in target and options resolve
     * @return something printable: the console shows its {@code toString()}
     */
    Object pack(String action, String target, Map<String, Object> options, List<Path> scripts, Path baseDir);

    /**
     * As above, for a session that may have a budget: a paid action ({@code replay}) prices itself with
     * {@code spending} before sending anything and reports what it was charged to it.
     */
    default Object pack(String action, String target, Map<String, Object> options, List<Path> scripts, Path baseDir,
                        Spending spending) {
        return pack(action, target, options, scripts, baseDir);
    }

    /** The session's budget and spend, as a paid pack action sees them. */
    interface Spending {
        /** Whether the session has a budget (a paid action that cannot price itself is refused only then). */
        boolean limited();

        /** Refuses (a one-paragraph DslException, nothing sent) when {@code estimate} more credits would pass the budget. */
        void check(String what, long estimate);

        /** Adds credits the action was charged to the session's spend. */
        void charged(java.math.BigDecimal credits);

        /** No budget, spend not counted anywhere (the command line). */
        Spending NONE = new Spending() {
            @Override public boolean limited() { return false; }
            @Override public void check(String what, long estimate) {}
            @Override public void charged(java.math.BigDecimal credits) {}
        };
    }

    /** The default: says where pack commands are available. */
    static Packs unavailable() {
        return (action, target, options, scripts, baseDir) -> {
            throw new DslException("`pack '" + action + "'` is not available here; it works in `sitter run` scripts and in the"
                    + " console (`sitter`), or use the command line: sitter pack " + action + " ...").token("pack");
        };
    }

    /** For dry runs: says what would happen and does nothing (a pack command writes files, so a dry run must not). */
    static Packs dryRun(java.io.PrintStream out) {
        return (action, target, options, scripts, baseDir) -> {
            out.println("dry run: pack '" + action + "' " + target + " (nothing read or written)");
            return null;
        };
    }
}
