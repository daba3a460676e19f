package dev.sitter.model;

import java.util.List;

/** Camera / framing tokens ("85mm f/1.8", "head and shoulders"), placed after the style tokens. */
public record CameraDef(String id, List<String> tokens) {
    public CameraDef {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    @Override public String toString() { return "camera '" + id + "': " + Tokens.join(tokens); }
}
