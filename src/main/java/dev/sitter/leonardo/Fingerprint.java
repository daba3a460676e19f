package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * What identifies a create request in Leonardo's history when its answer was lost: prompt,
 * negative prompt, model, size and seed (whichever were sent). A seed makes matching near-certain.
 */
record Fingerprint(String prompt, String negativePrompt, String modelId, Integer width, Integer height, Long seed) {

    static Fingerprint of(JsonNode body) {
        JsonNode p = body.has("parameters") ? body.get("parameters") : body;
        boolean v2 = body.has("parameters");
        return new Fingerprint(GenerationView.str(p, "prompt"),
                v2 ? null : GenerationView.str(p, "negative_prompt"),
                v2 ? null : GenerationView.str(p, "modelId"), // a v2 slug is not the model id history shows
                p.hasNonNull("width") ? p.get("width").asInt() : null,
                p.hasNonNull("height") ? p.get("height").asInt() : null,
                GenerationView.seed(p.get("seed")));
    }

    boolean matches(GenerationView g) {
        return prompt != null && g.prompt() != null && prompt.strip().equals(g.prompt().strip())
                && (negativePrompt == null || Objects.equals(negativePrompt.strip(), g.negativePrompt() == null ? null : g.negativePrompt().strip()))
                && (modelId == null || modelId.equalsIgnoreCase(String.valueOf(g.modelId())))
                && (width == null || width.equals(g.width()))
                && (height == null || height.equals(g.height()))
                && (seed == null || seed.equals(g.seed()));
    }

    String describe() {
        String p = prompt == null ? "" : prompt.length() > 60 ? prompt.substring(0, 60) + "…" : prompt;
        return "prompt \"" + p + "\"" + (seed == null ? "" : ", seed " + seed)
                + (width == null ? "" : ", " + width + "x" + height);
    }
}
