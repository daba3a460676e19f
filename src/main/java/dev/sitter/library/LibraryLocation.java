package dev.sitter.library;

import java.nio.file.Path;
import java.util.Map;

/** Where the library is: {@code --library DIR}, else {@code SITTER_LIBRARY}, else {@code ./prompt-library}. */
public final class LibraryLocation {
    public static final String ENV = "SITTER_LIBRARY";
    public static final String DEFAULT = "prompt-library";

    private LibraryLocation() {}

    /**
     * @param flag    the --library value, or null
     * @param env     the environment
     * @param workDir what relative paths resolve against
     */
    public static Path resolve(String flag, Map<String, String> env, Path workDir) {
        String v = flag != null && !flag.isBlank() ? flag : env.get(ENV);
        if (v == null || v.isBlank()) v = DEFAULT;
        return workDir.resolve(v).toAbsolutePath().normalize();
    }
}
