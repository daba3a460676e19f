package dev.sitter.dsl;

import java.nio.file.Path;

/**
 * One piece of script text the shell compiled: a file, an included block or a console input.
 *
 * @param internalName the unique file name Groovy compiles it under (and stack frames report)
 * @param displayName  the name the user knows it by, e.g. {@code dsl-examples/quickstart.groovy} or {@code input-7}
 * @param dir          the directory its relative paths resolve against
 * @param text         the source text
 */
record Source(String internalName, String displayName, Path dir, String text, String[] lines) {
    Source(String internalName, String displayName, Path dir, String text) {
        this(internalName, displayName, dir, text, text.split("\r?\n", -1));
    }

    /** The 1-based line, or null when out of range. */
    String line(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : null;
    }
}
