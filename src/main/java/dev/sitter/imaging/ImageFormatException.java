package dev.sitter.imaging;

/**
 * An image file that is not what it claims to be (bad signature, truncated chunk, bad CRC).
 * The message names the problem and where it is, in one sentence, so callers can show it as is.
 */
public class ImageFormatException extends Exception {
    public ImageFormatException(String message) { super(message); }
}
