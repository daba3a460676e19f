package dev.sitter.repl;

import java.nio.file.Path;
import java.util.Map;

/** The per-user directory for history, caches and contact sheets: {@code $SITTER_HOME}, else {@code ~/.sitter}. */
final class SitterHome {
    private SitterHome() {}

    static Path resolve(Map<String, String> env) {
        String override = env.get("SITTER_HOME");
        if (override != null && !override.isBlank()) return Path.of(override);
        return Path.of(System.getProperty("user.home"), ".sitter");
    }
}
