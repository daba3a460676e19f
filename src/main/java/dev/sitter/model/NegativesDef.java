package dev.sitter.model;

import java.util.List;

/** A set of negative-prompt tokens; compiled into {@code negative_prompt}, never into the prompt. */
public record NegativesDef(String id, List<String> tokens) {
    public NegativesDef {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    @Override public String toString() { return "negatives '" + id + "': " + Tokens.join(tokens); }
}
