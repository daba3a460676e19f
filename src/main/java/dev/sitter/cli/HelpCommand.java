package dev.sitter.cli;

import java.util.List;
import java.util.Map;

/** {@code sitter help [COMMAND]}. */
final class HelpCommand implements Command {
    @Override public String name() { return "help"; }

    @Override public String summary() { return "show help for a command"; }

    @Override public String help() {
        return "usage: sitter help [COMMAND]\n\nShows what COMMAND does and its options; with no COMMAND, lists them all.\n";
    }

    @Override public int run(List<String> args, CliContext ctx) {
        if (args.isEmpty()) {
            ctx.out().print(Main.overview());
            return ExitCodes.OK;
        }
        Map<String, Command> all = Commands.all();
        Command c = all.get(args.get(0));
        if (c == null) throw new UsageException("unknown command '" + args.get(0) + "'" + Main.suggest(args.get(0)));
        ctx.out().print(c.help());
        return ExitCodes.OK;
    }
}
