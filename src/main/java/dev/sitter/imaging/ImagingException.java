package dev.sitter.imaging;

/**
 * A user-facing imaging failure: a file that is not an image, a malformed LUT, an output that
 * cannot be written. The message is one paragraph naming the file (and line, where there is one)
 * and the fix, so the CLI can print it as is instead of a stack trace.
 */
public class ImagingException extends RuntimeException {
    public ImagingException(String message) {
        super(message);
    }

    public ImagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
