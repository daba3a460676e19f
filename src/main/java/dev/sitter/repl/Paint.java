package dev.sitter.repl;

/** ANSI colours for console output, or none at all when output is piped or the terminal is dumb. */
final class Paint {
    static final Paint NONE = new Paint(false);
    static final Paint ANSI = new Paint(true);

    private final boolean on;

    private Paint(boolean on) { this.on = on; }

    boolean enabled() { return on; }

    String bold(String s) { return wrap("1", s); }

    String dim(String s) { return wrap("2", s); }

    String red(String s) { return wrap("31", s); }

    String green(String s) { return wrap("32", s); }

    String yellow(String s) { return wrap("33", s); }

    String cyan(String s) { return wrap("36", s); }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
