package dev.sitter.cli;

import dev.sitter.util.Levenshtein;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bin/sitter}: global flags, then a subcommand. With no subcommand it opens
 * the REPL. Exit codes: 0 ok, 1 script error, 2 usage error.
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) {
        System.exit(run(List.of(argv), CliContext.system(false)));
    }

    public static int run(List<String> argv, CliContext ctx) {
        List<String> args = new ArrayList<>(argv);
        boolean stacktrace = args.remove("--stacktrace");
        ctx = ctx.withStacktrace(stacktrace);
        if (args.contains("--version") && (args.size() == 1)) {
            ctx.out().println("sitter " + Version.get());
            return ExitCodes.OK;
        }
        // `sitter` and `sitter --library DIR` open the console: options before any command are the console's.
        boolean consoleOptions = !args.isEmpty() && args.get(0).startsWith("-")
                && !List.of("--help", "-h", "--version").contains(args.get(0));
        if ((args.isEmpty() || consoleOptions) && Commands.all().containsKey("repl")) {
            args.add(0, "repl");
        }
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            ctx.out().print(overview());
            return ExitCodes.OK;
        }
        Map<String, Command> commands = Commands.all();
        String name = args.remove(0);
        Command cmd = commands.get(name);
        if (cmd == null) {
            ctx.err().println("sitter: unknown command '" + name + "'" + suggest(name) + ". Run 'sitter --help' for the list.");
            return ExitCodes.USAGE;
        }
        if (args.contains("--help") || args.contains("-h")) {
            ctx.out().print(cmd.help());
            return ExitCodes.OK;
        }
        try {
            return cmd.run(args, ctx);
        } catch (UsageException e) {
            ctx.err().println("sitter " + name + ": " + e.getMessage());
            ctx.err().println("Run 'sitter help " + name + "' for usage.");
            return ExitCodes.USAGE;
        } catch (Exception e) {
            // Anything that reaches here is a bug or an environment failure, not a script error:
            // say what it was in one line; the trace only on request.
            ctx.err().println("sitter " + name + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (ctx.stacktrace()) e.printStackTrace(ctx.err());
            else ctx.err().println("(run with --stacktrace for details)");
            return ExitCodes.SCRIPT_ERROR;
        }
    }

    static String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("Sitter ").append(Version.get()).append(" - consistent AI character portraits on Leonardo.ai\n\n");
        sb.append("usage: sitter [--stacktrace] COMMAND [ARGS]\n");
        sb.append("       sitter              open the interactive console\n\n");
        sb.append("commands:\n");
        for (Command c : Commands.all().values()) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        sb.append("\nglobal options:\n");
        sb.append("  --help       this text; 'sitter help COMMAND' for one command\n");
        sb.append("  --version    print the version\n");
        sb.append("  --stacktrace show Java stack traces on errors\n\n");
        sb.append("With no LEONARDO_API_KEY set, Sitter runs against its built-in offline sandbox.\n");
        return sb.toString();
    }

    static String suggest(String word) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : Commands.all().keySet()) {
            int d = Levenshtein.distance(word, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
