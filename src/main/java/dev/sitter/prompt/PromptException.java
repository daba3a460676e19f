package dev.sitter.prompt;

/**
 * A request that cannot be compiled or would be rejected by the API. The message names the
 * field, the limit and the fix in one sentence; the DSL layer adds the script location.
 */
public class PromptException extends RuntimeException {
    private final String field;

    public PromptException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault (e.g. {@code width}, {@code num_images}), or a DSL word. */
    public String field() { return field; }
}
