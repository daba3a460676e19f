package dev.sitter.repl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a console starts.
 *
 * @param workDir      where relative paths (/load, /save, anchors) resolve
 * @param home         the per-user directory (history, caches, contact sheets)
 * @param startupFiles library blocks evaluated into the session before the first input (starter blocks, --library)
 * @param stacktrace   show Java stack traces with errors
 * @param env          the environment (terminal detection, SITTER_HOME, the API key to keep out of history)
 */
public record ReplOptions(Path workDir, Path home, List<StartupFile> startupFiles, boolean stacktrace, Map<String, String> env) {
    public ReplOptions {
        startupFiles = List.copyOf(startupFiles);
        env = Map.copyOf(env);
    }
}
