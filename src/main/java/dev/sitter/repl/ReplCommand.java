package dev.sitter.repl;

import dev.sitter.cli.CliContext;
import dev.sitter.cli.Command;
import dev.sitter.cli.ExitCodes;
import dev.sitter.cli.UsageException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.studio.Backend;
import dev.sitter.studio.LeonardoStudio;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@code sitter repl} (and {@code sitter} with no arguments): the interactive console, or with piped
 * input the same console reading inputs from standard input.
 */
public final class ReplCommand implements Command {
    /** What builds the engine for a console: the DSL session, wired to the backend and the progress listener. */
    @FunctionalInterface
    public interface EngineFactory {
        /**
         * @param library  the user's prompt library (where images are recorded, and include's second folder)
         * @param progress to be told about jobs, for the status line
         * @param out      where script output ({@code println}) goes
         * @param notices  where backend notices and DSL warnings go (stderr when piped, so stdout is results only)
         */
        ReplEngine create(ReplOptions options, Path library, ProgressListener progress, PrintStream out, PrintStream notices)
                throws Exception;
    }

    private final EngineFactory engines;

    /** The console on the DSL engine, generating through the client and recording into the library. */
    public ReplCommand() { this(ReplCommand::sitterEngine); }

    public ReplCommand(EngineFactory engines) { this.engines = engines; }

    @Override public String name() { return "repl"; }

    @Override public String summary() { return "open the interactive console (the default with no command)"; }

    @Override public String help() {
        return """
                usage: sitter [repl] [--library DIR]

                Opens the Sitter console: type DSL definitions, commands and Groovy; results print as
                tables, DSL or request JSON. /help lists the console commands (/load, /save, /next,
                /sweep, /sheet, ...). The shipped starter blocks and the library's blocks
                (DIR/blocks/**.groovy; DIR defaults to $SITTER_LIBRARY or ./prompt-library) are
                loaded at start; images are recorded in DIR.

                With standard input not a terminal (sitter < session.groovy) it reads the inputs from
                it, prints results without prompts or colours, and exits 1 if any input failed.

                History is kept in ~/.sitter/history ($SITTER_HOME/history when SITTER_HOME is set).

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
        } else if (Files.exists(library) && !Files.isDirectory(library)) {
            // A library that does not exist yet is made on the first image, as `sitter run` does.
            throw new UsageException("--library " + library + " is a file, not a folder; name a folder (it is created if missing)");
        }
        Path shipped = dev.sitter.dsl.SitterHome.shippedLibrary(ctx.env().get("SITTER_HOME"));
        ReplOptions options = new ReplOptions(ctx.workDir(), SitterHome.resolve(ctx.env()), StartupFile.blocks(shipped, library),
                ctx.stacktrace(), ctx.env());
        ProgressBoard progress = new ProgressBoard(System::nanoTime);
        Path lib = library;
        boolean interactive = System.console() != null && ctx.in() == System.in;
        Supplier<ReplEngine> factory = () -> {
            try {
                return engines.create(options, lib, progress, interactive ? System.out : ctx.out(),
                        interactive ? System.out : ctx.err());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the script engine: " + e.getMessage(), e);
            }
        };
        if (!interactive) {
            PrintWriter out = new PrintWriter(ctx.out(), true);
            PrintWriter err = new PrintWriter(ctx.err(), true);
            ConsoleCore core = new ConsoleCore(options, factory, progress, out, err, Paint.NONE, InlineImages.NONE, new Random());
            BufferedReader in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
            return PipedConsole.run(in, core, err) == 0 ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
        }
        try (Terminal terminal = systemTerminal()) {
            return new Console(terminal, options, factory, progress).run();
        }
    }

    /**
     * The system terminal through JLine's JNI provider: measured here it opens in about half the time
     * of the exec provider, which forks stty. Falls back to JLine's own choice where JNI cannot load
     * (e.g. a temp directory mounted noexec).
     */
    private static Terminal systemTerminal() throws java.io.IOException {
        if (System.getProperty("org.jline.terminal.provider") == null) {
            try {
                return TerminalBuilder.builder().system(true).name("sitter").provider("jni").build();
            } catch (RuntimeException | java.io.IOException | LinkageError e) {
                // fall through to the default provider order
            }
        }
        return TerminalBuilder.builder().system(true).name("sitter").build();
    }

    /**
     * The real engine: a {@link SitterShell} (as {@code sitter run} builds it, with the working
     * directory as the base for relative paths) whose Studio opens the backend (sandbox or live) and
     * the library on the first paid command, and reports jobs to the status line.
     */
    static ReplEngine sitterEngine(ReplOptions options, Path library, ProgressListener progress, PrintStream out, PrintStream notices) {
        return sitterEngine(options, library, progress, out, notices, s -> s);
    }

    /** The same, with the Studio wrapped (tests record the requests a session sends). */
    static ReplEngine sitterEngine(ReplOptions options, Path library, ProgressListener progress, PrintStream out,
                                   PrintStream notices, java.util.function.UnaryOperator<dev.sitter.dsl.Studio> wrap) {
        // One backend, opened on first use, for the Studio and for `pack 'replay'` alike.
        dev.sitter.studio.LazyBackend backend = new dev.sitter.studio.LazyBackend(options.env(), userHome(options), notices);
        dev.sitter.pipeline.WinnerPicker.Relay pickers = new dev.sitter.pipeline.WinnerPicker.Relay();
        LazyStudio studio = new LazyStudio(() -> {
            LeonardoStudio real = new LeonardoStudio(backend, Library.open(library), ImageSource.relativeTo(options.workDir()), asset -> { });
            real.setWinnerPicker(pickers);
            return new LazyStudio.Opened(real, backend);
        });
        dev.sitter.dsl.Studio tracked = new ProgressStudio(wrap.apply(studio), progress);
        Path shipped = dev.sitter.dsl.SitterHome.shippedLibrary(options.env().get("SITTER_HOME"));
        Supplier<SitterShell> shells = () -> SitterShell.builder()
                .baseDir(options.workDir())
                .workDir(options.workDir())
                .libraryDir(library)
                .shippedLibrary(shipped)
                .warnings(w -> notices.println(w))
                .out(out)
                .studio(tracked)
                .packs(new dev.sitter.studio.StudioPacks(library, backend, includeDirs(library, shipped),
                        options.env().get("LEONARDO_API_KEY"), notices::println))
                .build();
        // `pack 'replay'` may open the backend without the Studio ever opening: close both (closing twice is harmless).
        return new SitterEngine(shells, () -> {
            try {
                studio.close();
            } finally {
                backend.close();
            }
        }, pickers);
    }

    private static List<Path> includeDirs(Path library, Path shipped) {
        List<Path> dirs = new java.util.ArrayList<>(List.of(library));
        if (shipped != null) dirs.add(shipped);
        return dirs;
    }

    private static Path userHome(ReplOptions options) {
        String home = options.env().get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}
