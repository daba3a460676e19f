package dev.sitter.model;

import java.util.List;

/**
 * A visual style: which model renders it, its preset, its prompt tokens and an optional Style
 * Reference image.
 *
 * @param id                the id the script gave it
 * @param model             a platform model name or id as written (resolved against the model profiles), or null
 * @param preset            Leonardo presetStyle (e.g. CINEMATIC), or null
 * @param tokens            prompt tokens, in the order written
 * @param reference         Style Reference image, or null
 * @param referenceStrength Low/Mid/High/Ultra/Max, or null for the default (Mid)
 */
public record StyleDef(String id, String model, String preset, List<String> tokens, AnchorImage reference,
                       String referenceStrength) {
    public StyleDef {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    @Override public String toString() {
        return "style '" + id + "': " + (model == null ? "default model" : model)
                + (preset == null ? "" : ", preset " + preset) + ", tokens: " + Tokens.join(tokens)
                + (reference == null ? "" : ", reference " + reference.path());
    }
}
