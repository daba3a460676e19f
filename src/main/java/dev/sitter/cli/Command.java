package dev.sitter.cli;

import java.util.List;

/** One subcommand of {@code bin/sitter}. Each lives in its own class and is listed in {@link Commands}. */
public interface Command {
    /** The word typed after {@code sitter}. */
    String name();

    /** One line for {@code sitter --help}. */
    String summary();

    /** The full text of {@code sitter help NAME}: usage line, options, an example. */
    String help();

    /**
     * Runs the command.
     *
     * @return an exit code from {@link ExitCodes}
     * @throws UsageException when the arguments are wrong (exit code 2, with the usage printed)
     */
    int run(List<String> args, CliContext ctx) throws Exception;
}
