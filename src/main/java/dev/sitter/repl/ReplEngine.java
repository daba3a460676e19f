package dev.sitter.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the console needs from the script engine. A REPL line and a script file go through the same
 * engine: the adapter over the DSL's session implements this, so the console never compiles Groovy
 * itself. Everything here except {@link #eval} must be cheap and free of side effects: completion and
 * highlighting call it on a keypress.
 */
public interface ReplEngine {
    /**
     * Evaluates one input in the session; definitions and variables persist to later inputs.
     *
     * @param name the source name errors cite, e.g. {@code input-7}
     * @return the value of the last statement, or null
     * @throws Exception the engine's own error; {@link #describeError} turns it into text
     */
    Object eval(String source, String name) throws Exception;

    /** Evaluates a script file into the session (for {@code /load}, the starter blocks and {@code --library}). */
    default Object load(Path file) throws Exception {
        return eval(Files.readString(file), file.getFileName().toString());
    }

    /** Defined ids per kind ("character", "style", "camera", "negatives", "template", "pipeline"). */
    Map<String, List<String>> definitions();

    /** Names of the session's script variables ({@code def shots = ...}). */
    Set<String> variables();

    /** Forgets every definition and variable. */
    void reset();

    /**
     * The engine's own rendering of an error it raised (file:line:col, the source line, a caret and
     * the fix), or empty to let the console render it.
     */
    default Optional<String> describeError(Throwable error) { return Optional.empty(); }

    /** A definition shown as the DSL that makes it, or empty if the value is not a definition. */
    default Optional<String> dslOf(Object value) { return Optional.empty(); }

    /** Credits left on the account, when the backend knows (the client reports it; offline may not). */
    default OptionalDouble creditsLeft() { return OptionalDouble.empty(); }

    /** Stops work and frees resources; called once when the console exits. */
    default void close() {}

    /**
     * Who answers {@code select by: 'ask'} (the console, once it can read lines); an engine with no
     * paid pipelines ignores it.
     */
    default void setWinnerPicker(dev.sitter.pipeline.WinnerPicker picker) {}
}
