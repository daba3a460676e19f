package dev.sitter.dsl;

/**
 * A broken script, reported as {@code file:line:col: one sentence saying what is wrong and how to
 * fix it}, followed by the offending source line and a caret. Thrown without a location by DSL
 * code; {@link SitterShell} fills in the location from the script's stack frames before the
 * exception reaches the user. Meant to be printed with {@link #render()}, never with a stack trace.
 */
public class DslException extends RuntimeException {
    private final String sentence;
    private String token;
    private String file;
    private int line;
    private int column;
    private String sourceLine;

    public DslException(String sentence) {
        this(sentence, null);
    }

    public DslException(String sentence, Throwable cause) {
        super(sentence, cause);
        this.sentence = sentence;
    }

    /** A word on the offending line the caret should point at (e.g. the misspelt keyword). */
    public DslException token(String word) {
        this.token = word;
        return this;
    }

    public String token() { return token; }

    /** What is wrong and how to fix it, without the location. */
    public String sentence() { return sentence; }

    public boolean hasLocation() { return file != null; }

    public String file() { return file; }

    public int line() { return line; }

    public int column() { return column; }

    public String sourceLine() { return sourceLine; }

    /** Sets the location; the first one set wins. */
    DslException locate(String file, int line, int column, String sourceLine) {
        if (this.file == null) {
            this.file = file;
            this.line = line;
            this.column = Math.max(1, column);
            this.sourceLine = sourceLine;
        }
        return this;
    }

    @Override public String getMessage() {
        return file == null ? sentence : file + ":" + line + ":" + column + ": " + sentence;
    }

    /** The message, then the source line and a caret under the column (when the line is known). */
    public String render() {
        StringBuilder sb = new StringBuilder(getMessage());
        if (sourceLine != null) {
            String shown = sourceLine.replace('\t', ' ');
            sb.append("\n    ").append(shown).append("\n    ");
            sb.append(" ".repeat(Math.min(Math.max(0, column - 1), shown.length()))).append('^');
        }
        return sb.toString();
    }
}
