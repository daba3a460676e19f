package dev.sitter.cli;

/** Wrong arguments on the command line; the message says what is wrong, the launcher adds the usage. */
public class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
