package dev.sitter.repl;

import dev.sitter.cli.CliContext;
import dev.sitter.cli.Command;
import dev.sitter.cli.ExitCodes;
import dev.sitter.cli.UsageException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code sitter repl} (and {@code sitter} with no arguments): the interactive console, or with piped
 * input the same console reading a script from standard input.
 */
public final class ReplCommand implements Command {
    /** What builds the engine for a console: the DSL session, wired to the backend and the progress listener. */
    @FunctionalInterface
    public interface EngineFactory {
        ReplEngine create(ReplOptions options, ProgressListener progress) throws Exception;
    }

    private final EngineFactory engines;

    public ReplCommand(EngineFactory engines) { this.engines = engines; }

    @Override public String name() { return "repl"; }

    @Override public String summary() { return "open the interactive console (the default with no command)"; }

    @Override public String help() {
        return """
                usage: sitter [repl] [--library DIR]

                Opens the Sitter console: type DSL definitions, commands and Groovy; results print as
                tables, DSL or request JSON. /help lists the console commands (/load, /save, /next,
                /sweep, /sheet, ...). The library's blocks (DIR/blocks/**.groovy; DIR defaults to
                $SITTER_LIBRARY or ./prompt-library) are loaded at start.

                With standard input not a terminal (sitter < session.groovy) it reads the inputs from
                it, prints results without prompts or colours, and exits 1 if any input failed.

                History is kept in ~/.sitter/history ($SITTER_HOME overrides ~/.sitter).

                example: sitter repl --library ./prompt-library
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        Path library = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--library") && i + 1 < args.size()) library = ctx.workDir().resolve(args.get(++i));
            else if (a.startsWith("--library=")) library = ctx.workDir().resolve(a.substring("--library=".length()));
            else throw new UsageException("unexpected argument '" + a + "'");
        }
        if (library == null) {
            String env = ctx.env().get("SITTER_LIBRARY");
            library = ctx.workDir().resolve(env != null && !env.isBlank() ? env : "prompt-library");
        } else if (!Files.isDirectory(library)) {
            throw new UsageException("--library " + library + " is not a directory");
        }
        ReplOptions options = new ReplOptions(ctx.workDir(), SitterHome.resolve(ctx.env()), startupFiles(library),
                ctx.stacktrace(), ctx.env());
        ProgressBoard progress = new ProgressBoard(System::nanoTime);
        Function<ReplOptions, ReplEngine> factory = o -> {
            try {
                return engines.create(o, progress);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the script engine: " + e.getMessage(), e);
            }
        };
        boolean interactive = System.console() != null && ctx.in() == System.in;
        if (!interactive) {
            PrintWriter out = new PrintWriter(ctx.out(), true);
            PrintWriter err = new PrintWriter(ctx.err(), true);
            ConsoleCore core = new ConsoleCore(options, () -> factory.apply(options), progress, out, err, Paint.NONE,
                    InlineImages.NONE, new Random());
            BufferedReader in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
            return PipedConsole.run(in, core, err) == 0 ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("sitter").build()) {
            return new Console(terminal, options, () -> factory.apply(options), progress).run();
        }
    }

    /** The library's blocks, in a stable order, evaluated into every new session. */
    static List<Path> startupFiles(Path library) throws IOException {
        Path blocks = library.resolve("blocks");
        if (!Files.isDirectory(blocks)) return List.of();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(blocks)) {
            s.filter(p -> p.getFileName().toString().endsWith(".groovy") && Files.isRegularFile(p)).sorted().forEach(files::add);
        }
        return files;
    }
}
