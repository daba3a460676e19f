package dev.sitter.dsl;

/**
 * Advice from the prompt lint or the compiler ("anchor set has 2 images"), with the script line
 * that caused it. Printed as {@code file:line: warning: message}.
 */
public record DslWarning(String file, int line, String message) {
    @Override public String toString() {
        return (file == null ? "" : file + ":" + line + ": ") + "warning: " + message;
    }
}
