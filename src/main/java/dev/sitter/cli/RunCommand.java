package dev.sitter.cli;

import dev.sitter.dsl.DryRunStudio;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.studio.LazyBackend;
import dev.sitter.studio.LeonardoStudio;
import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.dsl.Studio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code sitter run FILE.groovy [--dry-run] [--library DIR]}: runs a DSL script. */
public final class RunCommand implements Command {
    @Override public String name() { return "run"; }

    @Override public String summary() { return "run a DSL script (generate, refine, ...); --dry-run prints the requests"; }

    @Override public String help() {
        return """
                usage: sitter run FILE.groovy [--dry-run] [--library DIR]

                Runs a Sitter DSL script: its definitions (character, style, camera, negatives,
                template, pipeline) and its commands (generate, refine, upscale, ...).
                Paths in the script (anchor images, include) are relative to the script's folder.

                options:
                  --dry-run      print each request as the exact JSON body it would send
                                 (uploads shown as <upload sha256:...>), send nothing
                  --library DIR  the prompt library (default: $SITTER_LIBRARY or ./prompt-library);
                                 include looks here after the script's folder

                exit codes: 0 ok, 1 script error (file:line:col and the fix on stderr), 2 usage error
                Warnings (anchor sets, label noise, ignored settings) go to stderr and do not fail the run.

                example:
                  sitter run dsl-examples/quickstart.groovy --dry-run
                """;
    }

    @Override public int run(List<String> args, CliContext ctx) {
        boolean dryRun = false;
        Path library = null;
        Path script = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--dry-run" -> dryRun = true;
                case "--library" -> {
                    if (i + 1 >= args.size()) throw new UsageException("--library needs a folder");
                    library = ctx.workDir().resolve(args.get(++i));
                }
                default -> {
                    if (a.startsWith("-")) throw new UsageException("unknown option '" + a + "'");
                    if (script != null) throw new UsageException("one script at a time; got '" + script + "' and '" + a + "'");
                    script = ctx.workDir().resolve(a);
                }
            }
        }
        if (script == null) throw new UsageException("which script? e.g. sitter run dsl-examples/quickstart.groovy");
        if (!Files.isRegularFile(script)) {
            ctx.err().println("sitter run: no such script: " + args.stream().filter(x -> !x.startsWith("-")).findFirst().orElse("")
                    + " (looked in " + ctx.workDir() + ")");
            return ExitCodes.USAGE;
        }
        if (library == null) {
            String env = ctx.env().get("SITTER_LIBRARY");
            library = env != null && !env.isBlank() ? ctx.workDir().resolve(env) : ctx.workDir().resolve("prompt-library");
        }
        SitterShell shell = shell(script, library, ctx, ctx.out(), true);
        if (dryRun) {
            shell.studio(new DryRunStudio(ctx.out(), ctx.err(), shell));
            shell.packs(dev.sitter.dsl.Packs.dryRun(ctx.out()));
            return evaluate(shell, script, ctx);
        }
        dev.sitter.pipeline.WinnerPicker picker = terminalPicker(ctx);
        if (spendsCredits(ctx)) {
            // Groovy finds a misspelt keyword only when its line runs; against the live API the lines
            // before it would already have spent credits. So a live run is first played through
            // silently as a dry run, and any script error stops it before anything is sent.
            SitterShell check = shell(script, library, ctx, NOWHERE, false);
            boolean canAsk = picker != null;
            check.studio(new DryRunStudio(NOWHERE, NOWHERE, check).checkingPipelines(p -> {
                if (canAsk) return;
                try {
                    dev.sitter.pipeline.PipelineRunner.requireSomeoneToAsk(p); // select by: 'ask' with nobody at a terminal
                } catch (dev.sitter.pipeline.PipelineException e) {
                    throw new DslException(e.getMessage());
                }
            }));
            check.packs(dev.sitter.dsl.Packs.dryRun(NOWHERE));
            try {
                check.evalFile(script);
            } catch (DslException e) {
                ctx.err().println(e.render());
                ctx.err().println("Nothing was sent to Leonardo: the script was checked before spending credits.");
                if (ctx.stacktrace()) e.printStackTrace(ctx.err());
                return ExitCodes.SCRIPT_ERROR;
            }
        }
        // The backend starts only for a real run: a dry run never opens a socket.
        try (LazyBackend backend = new LazyBackend(ctx.env(), userHome(ctx), ctx.err())) {
            LeonardoStudio studio = new LeonardoStudio(backend, Library.open(library),
                    ImageSource.relativeTo(shell.baseDir()), asset -> ctx.out().println(asset))
                    .onPipeline(outcome -> ctx.out().println(outcome));
            studio.setWinnerPicker(picker);
            shell.studio(studio);
            shell.packs(packs(library, backend, ctx));
            return evaluate(shell, script, ctx);
        }
    }

    /**
     * Who answers {@code select by: 'ask'}: the person at the terminal when stdin is one; otherwise
     * nobody, and such a pipeline is refused before it pays for anything.
     */
    private static dev.sitter.pipeline.WinnerPicker terminalPicker(CliContext ctx) {
        if (System.console() == null || ctx.in() != System.in) return null;
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(ctx.in(), java.nio.charset.StandardCharsets.UTF_8));
        return new dev.sitter.pipeline.AskingPicker(prompt -> {
            ctx.out().print(prompt);
            ctx.out().flush();
            return in.readLine();
        }, ctx.out()::println, sheet -> { }, true);
    }

    /** The {@code pack} keyword: the same pack classes as {@code sitter pack}, replaying on this run's backend. */
    static dev.sitter.dsl.Packs packs(Path library, java.util.function.Supplier<dev.sitter.studio.Backend> backend, CliContext ctx) {
        List<Path> includeDirs = new java.util.ArrayList<>(List.of(library));
        Path shipped = dev.sitter.dsl.SitterHome.shippedLibrary(ctx.env().get("SITTER_HOME"));
        if (shipped != null) includeDirs.add(shipped);
        return new dev.sitter.studio.StudioPacks(library, backend, includeDirs, ctx.env().get("LEONARDO_API_KEY"), ctx.err()::println);
    }

    private static final java.io.PrintStream NOWHERE = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    private static SitterShell shell(Path script, Path library, CliContext ctx, java.io.PrintStream out, boolean warn) {
        return SitterShell.builder()
                .baseDir(script.toAbsolutePath().getParent())
                .workDir(ctx.workDir())
                .libraryDir(library)
                .shippedLibrary(dev.sitter.dsl.SitterHome.shippedLibrary(ctx.env().get("SITTER_HOME")))
                .warnings(w -> { if (warn) ctx.err().println(w); })
                .out(out)
                .build();
    }

    /** Whether this run talks to the live API; a broken key configuration is left for the real run to report. */
    private static boolean spendsCredits(CliContext ctx) {
        try {
            return dev.sitter.leonardo.LeonardoEnvironment.live(ctx.env(), userHome(ctx)).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int evaluate(SitterShell shell, Path script, CliContext ctx) {
        try {
            shell.evalFile(script);
            return ExitCodes.OK;
        } catch (DslException e) {
            ctx.err().println(e.render());
            if (ctx.stacktrace()) e.printStackTrace(ctx.err());
            return ExitCodes.SCRIPT_ERROR;
        }
    }

    static Path userHome(CliContext ctx) {
        String home = ctx.env().get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

}
