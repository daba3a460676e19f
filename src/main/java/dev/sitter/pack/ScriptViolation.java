package dev.sitter.pack;

/**
 * One construct a pack script may not use.
 *
 * @param file      the script's path inside the pack
 * @param line      1-based line, or 0 when the parser gave none
 * @param column    1-based column, or 0
 * @param construct short name of the construct ("constructor call `new`", "import", ...)
 * @param detail    why it is refused, or what is allowed instead
 */
public record ScriptViolation(String file, int line, int column, String construct, String detail) {
    /** Prefix of {@code construct} for problems that are not a refused construct (syntax, size). */
    static final String PROBLEM = "!";

    /** A problem with the text itself, such as a syntax error, rather than a refused construct. */
    static ScriptViolation problem(String file, int line, int column, String what, String detail) {
        return new ScriptViolation(file, line, column, PROBLEM + what, detail);
    }

    @Override
    public String toString() {
        String where = file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        String why = detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
        if (construct.startsWith(PROBLEM)) return where + ": " + construct.substring(1) + why;
        return where + ": " + construct + " is not allowed" + why;
    }
}
