package dev.sitter.prompt;

import dev.sitter.model.PromptSpec;

import java.util.List;

/**
 * A compiled request, the model profile it was checked against, and warnings about settings the
 * endpoint ignores (they do not make the request fail, but the user should know).
 */
public record Compiled(PromptSpec spec, ModelProfile profile, List<String> warnings) {
    public Compiled {
        warnings = List.copyOf(warnings);
    }
}
