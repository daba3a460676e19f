package dev.sitter.library;

/**
 * A problem the user can act on (unknown or ambiguous asset id, unreadable record, bad image).
 * The message is one paragraph naming the file or id and what to do; it never holds a secret.
 */
public class LibraryException extends RuntimeException {
    public LibraryException(String message) { super(message); }

    public LibraryException(String message, Throwable cause) { super(message, cause); }
}
