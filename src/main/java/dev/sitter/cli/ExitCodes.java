package dev.sitter.cli;

/** Process exit codes, the same for every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A script or data error: the message names the file, line and fix. */
    public static final int SCRIPT_ERROR = 1;
    /** The command line itself is wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
