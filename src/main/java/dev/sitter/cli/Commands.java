package dev.sitter.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of subcommands, in the order {@code --help} lists them. Add one line per new command. */
public final class Commands {
    private Commands() {}

    public static Map<String, Command> all() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                new HelpCommand(),
                new RunCommand(),
                new SandboxCommand(),
                new AccountCommand(),
                LsCommand.ls(), LsCommand.find(), new ShowCommand(), new DiffCommand(), new ReplayCommand(new ReplayRunner()),
                new VerifyCommand(), new LedgerCommand(), new PriceCommand(), new QaCommand(), new JournalCommand(), new StylesCommand(),
                new dev.sitter.repl.ReplCommand(),
                new PackCommand()
        )) {
            m.put(c.name(), c);
        }
        return m;
    }
}
