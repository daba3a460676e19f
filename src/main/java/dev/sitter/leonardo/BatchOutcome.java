package dev.sitter.leonardo;

import dev.sitter.model.PromptSpec;

/** One request of a batch: its position, the spec, and either the result or the error (never both). */
public record BatchOutcome(int index, PromptSpec spec, GenerationResult result, LeonardoException error) {
    public boolean ok() { return result != null; }
}
