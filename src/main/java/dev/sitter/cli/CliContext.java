package dev.sitter.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: streams, environment, working directory.
 * Passed in rather than read from statics so tests run commands in-process.
 *
 * @param out        normal output
 * @param err        diagnostics and errors
 * @param in         standard input
 * @param env        the environment (LEONARDO_API_KEY, SITTER_LIBRARY, ...)
 * @param workDir    the directory relative paths resolve against
 * @param stacktrace whether {@code --stacktrace} was given
 */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
                         Path workDir, boolean stacktrace) {

    public static CliContext system(boolean stacktrace) {
        return new CliContext(System.out, System.err, System.in, System.getenv(),
                Path.of("").toAbsolutePath(), stacktrace);
    }

    public CliContext withStacktrace(boolean on) {
        return new CliContext(out, err, in, env, workDir, on);
    }
}
