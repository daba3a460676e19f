package dev.sitter.dsl;

/** The script was stopped by {@link Thread#interrupt()} (Ctrl-C in the console) before it finished. */
public final class ScriptInterruptedException extends DslException {
    public ScriptInterruptedException(Throwable cause) {
        super("interrupted: the script was stopped before it finished; definitions made before this line are kept", cause);
    }
}
