package dev.sitter.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates all of a pack's scripts together, in reading order: a script's includes are validated
 * before it (so names an included file defines are known), each file once, include cycles refused.
 * Every file a script names (anchors, references, LUTs, includes) must be one the pack lists.
 */
public final class PackScripts {
    private final DeclarativeValidator validator;
    private final Function<String, String> source;
    private final Set<String> packFiles;
    private final Map<String, ValidatedScript> done = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> inProgress = new HashSet<>();

    /**
     * @param grammar   the allow-list
     * @param source    the text of a pack file by path (already hash-checked)
     * @param packFiles every path the pack holds
     */
    public PackScripts(DeclarativeGrammar grammar, Function<String, String> source, Set<String> packFiles) {
        this.validator = new DeclarativeValidator(grammar);
        this.source = source;
        this.packFiles = packFiles;
    }

    /** Validates {@code roots} and everything they include; returns all scripts in the order to interpret them. */
    public List<ValidatedScript> validate(List<String> roots) {
        List<ScriptViolation> all = new ArrayList<>();
        for (String r : roots) {
            try {
                visit(r, null);
            } catch (ScriptRefusedException e) {
                all.addAll(e.violations());
            }
        }
        if (!all.isEmpty()) throw new ScriptRefusedException(all);
        return List.copyOf(done.values());
    }

    private void visit(String path, String includedFrom) {
        if (done.containsKey(path)) return;
        if (!inProgress.add(path)) {
            throw refused(includedFrom, "an include cycle through '" + path + "'", "a file may not include itself");
        }
        if (!packFiles.contains(path)) {
            throw refused(includedFrom == null ? path : includedFrom, "the include of '" + PackPaths.printable(path) + "'",
                    "the pack has no such file");
        }
        String text = source.apply(path);
        ValidatedScript v = validator.validate(path, text, known, inc -> {
            String target = resolve(path, inc);
            visit(target, path);
            return done.get(target).definedNames();
        });
        for (String named : v.paths()) {
            String p = resolve(path, named);
            if (!packFiles.contains(p)) {
                throw new ScriptRefusedException(List.of(ScriptViolation.problem(path, 0, 0,
                        "names the file '" + p + "', which is not in the pack", "paths are relative to the script's folder;"
                        + " the author must add the file or fix the path")));
            }
        }
        known.addAll(v.definedNames());
        inProgress.remove(path);
        done.put(path, v);
    }

    /**
     * A path written in the pack script {@code file}, as a path from the pack's root: relative to
     * the script's own folder, as the DSL resolves it. Neither may contain '..' (PackPaths), so the
     * result cannot leave the pack.
     */
    public static String resolve(String file, String path) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? path : file.substring(0, slash + 1) + path;
    }

    private static ScriptRefusedException refused(String file, String construct, String detail) {
        return new ScriptRefusedException(List.of(new ScriptViolation(file == null ? "pack.json" : file, 0, 0, construct, detail)));
    }
}
