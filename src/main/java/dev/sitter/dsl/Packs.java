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
