package dev.sitter.pack;

/**
 * A pack could not be exported, checked, imported or replayed. The message is one paragraph
 * for the user: which file (and line, for scripts), what is wrong, and what to do about it.
 * Nothing has been written to the library when this is thrown during import.
 */
public class PackException extends RuntimeException {
    public PackException(String message) {
        super(message);
    }

    public PackException(String message, Throwable cause) {
        super(message, cause);
    }
}
