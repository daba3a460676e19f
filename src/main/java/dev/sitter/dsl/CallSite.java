package dev.sitter.dsl;

/** A script location: the file as the user knows it and the line. {@code NONE} when no script is running. */
public record CallSite(String file, int line) {
    public static final CallSite NONE = new CallSite(null, 0);
}
