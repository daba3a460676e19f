package dev.sitter.dsl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a file a pipeline names ({@code grade lut:}, {@code inpaint}/{@code composite mask:}, an
 * export folder) is found: as written when absolute, else in each folder in order — beside the
 * file that defined the pipeline (an included file's own folder, e.g. an imported pack's), beside
 * the script being run, then the library, then the shipped prompt library (the order
 * {@code include} uses).
 * {@code run} and {@code pack export} share this one search, so a script export accepts is a
 * script run accepts and the pack bundles the very file run would read.
 */
public final class ScriptFiles {
    private final List<Path> dirs;

    /** @param dirs the folders to look in, in order; nulls are skipped */
    public ScriptFiles(List<Path> dirs) {
        List<Path> d = new ArrayList<>();
        for (Path p : dirs) if (p != null && !d.contains(p)) d.add(p);
        this.dirs = Collections.unmodifiableList(d);
    }

    /**
     * Beside the pipeline's own file, beside the script, then the library, then the shipped prompt
     * library (from SITTER_HOME or the install).
     */
    public static ScriptFiles forRun(Path pipelineDir, Path scriptDir, Path library, String sitterHome) {
        List<Path> d = new ArrayList<>();
        d.add(pipelineDir);
        d.add(scriptDir);
        d.add(library);
        d.add(SitterHome.shippedLibrary(sitterHome));
        return new ScriptFiles(d);
    }

    /** The folders searched, in order. */
    public List<Path> dirs() { return dirs; }

    /** The existing file the path names, or null when no folder has it. */
    public Path find(String written) {
        Objects.requireNonNull(written, "written");
        Path p = Path.of(written);
        if (p.isAbsolute()) return Files.exists(p) ? p : null;
        for (Path d : dirs) {
            Path c = d.resolve(written).normalize();
            if (Files.exists(c)) return c;
        }
        return null;
    }

    /**
     * The file the path names; when no folder has it, {@code fallback}'s copy of the path (absolute
     * paths as written), so the caller's error names a concrete place.
     */
    public Path resolve(String written, Path fallback) {
        Path found = find(written);
        if (found != null) return found;
        Path p = Path.of(written);
        return p.isAbsolute() || fallback == null ? p : fallback.resolve(written);
    }

    /** "beside the script (DIR), in DIR, ..." for an error message. */
    public String searched() {
        List<String> s = new ArrayList<>();
        for (Path d : dirs) s.add(d.toString());
        return String.join(", ", s);
    }
}
