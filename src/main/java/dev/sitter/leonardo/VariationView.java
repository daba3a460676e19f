package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** One entry of {@code GET /variations/{id}} ({@code generated_image_variation_generic[]}), read leniently. */
public record VariationView(String id, String status, String transformType, String url) implements Poller.Statused {

    /** The entry with {@code id}, else the first; null when Leonardo has nothing yet. */
    static VariationView parse(JsonNode root, String id) {
        JsonNode arr = root.get("generated_image_variation_generic");
        if (arr == null || !arr.isArray() || arr.isEmpty()) return null;
        JsonNode pick = arr.get(0);
        for (JsonNode n : arr) if (id.equals(GenerationView.str(n, "id"))) pick = n;
        String status = GenerationView.str(pick, "status");
        return new VariationView(GenerationView.str(pick, "id"), status == null ? null : status.toUpperCase(Locale.ROOT),
                GenerationView.str(pick, "transformType"), GenerationView.str(pick, "url"));
    }
}
