package dev.sitter.pack;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.model.PromptSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an imported pack's scripts into a DSL shell: declaratively by default (validate, then
 * {@link DeclarativeInterpreter}), or, with trust, as full Groovy through the DSL engine like a
 * user's own script. Either way the shell ends up holding the pack's definitions, and the
 * {@link RecordingStudio} the requests its scripts make.
 */
public final class PackScriptRunner {
    private PackScriptRunner() {}

    /** The shell holding the pack's definitions, and the requests its scripts made. */
    public record Loaded(SitterShell shell, List<PromptSpec> requests) {}

    public static Loaded load(Path packDir, boolean trust) {
        Path dir = packDir.toAbsolutePath().normalize();
        PackManifest m = ReplayPlanner.readManifest(dir);
        verifyFolder(dir, m);
        RecordingStudio studio = new RecordingStudio();
        // no library or shipped blocks: a pack's includes resolve inside the pack only
        SitterShell shell = SitterShell.builder().baseDir(dir).workDir(dir).shippedLibrary(null).studio(studio).build();
        Set<String> files = new TreeSet<>();
        m.files().forEach(f -> files.add(f.path()));
        if (trust) {
            try {
                for (String s : m.scripts()) shell.evalFile(inside(dir, s));
            } catch (DslException e) {
                throw new PackException("pack script " + e.getMessage());
            }
        } else {
            List<ValidatedScript> validated = new PackScripts(DeclarativeGrammar.sitter(), p -> read(dir, p), files).validate(m.scripts());
            new DeclarativeInterpreter(shell, DeclarativeGrammar.sitter(), dir, validated).run(m.scripts());
        }
        return new Loaded(shell, studio.requests());
    }

    /**
     * An imported pack's folder is re-checked before its scripts are read or its files are sent:
     * no symbolic link anywhere in it, and every file still as {@code pack.json} describes it (the
     * folder may have been edited since import).
     */
    static void verifyFolder(Path dir, PackManifest m) {
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    throw new PackException(p + " is a symbolic link inside the imported pack " + dir
                            + "; packs never contain links. Delete the folder and import the pack again.");
                }
            }
        } catch (IOException e) {
            throw new PackException("cannot read " + dir + ": " + e.getMessage());
        }
        for (PackManifest.FileEntry f : m.files()) {
            if (!Files.exists(PackPaths.resolveInside(dir, f.path()), LinkOption.NOFOLLOW_LINKS)) {
                throw new PackException(f.path() + " is missing from " + dir + " (deleted after import). Delete the folder and"
                        + " import the pack again.");
            }
            Path p = inside(dir, f.path());
            if (!dev.sitter.util.Sha256.file(p).equals(f.sha256())) {
                throw new PackException(f.path() + " in " + dir + " no longer matches its SHA-256 in pack.json (changed after"
                        + " import). Delete the folder and import the pack again.");
            }
        }
    }

    private static Path inside(Path dir, String p) {
        Path f = PackPaths.resolveInside(dir, p);
        for (Path q = f; q != null && q.startsWith(dir) && !q.equals(dir); q = q.getParent()) {
            if (Files.isSymbolicLink(q)) throw new PackException(f + " is reached through a symbolic link; refused.");
        }
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw new PackException("the pack has no file " + p + ".");
        return f;
    }

    private static String read(Path dir, String p) {
        try {
            return Files.readString(inside(dir, p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PackException("cannot read " + p + " in " + dir + ": " + e.getMessage());
        }
    }
}
