package dev.sitter.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads back, from the exact body sent, which Leonardo id each local file was uploaded as, so the
 * provenance record names both the file (SHA-256) and the id the API saw. The body lists references
 * in the spec's order, which is what makes the pairing exact.
 */
final class UploadedIds {
    private UploadedIds() {}

    static Map<String, String> from(PromptSpec spec, JsonNode body) {
        Map<String, String> ids = new TreeMap<>();
        if (spec.init() != null && spec.init().isUploaded() && body.hasNonNull("init_image_id")) {
            ids.put(spec.init().sha256(), body.get("init_image_id").asText());
        }
        JsonNode nets = body.path("controlnets");
        JsonNode v2refs = body.path("parameters").path("guidances").path("image_reference");
        int offset = spec.init() != null && v2refs.size() > spec.references().size() ? 1 : 0;
        for (int i = 0; i < spec.references().size(); i++) {
            ReferenceImage ref = spec.references().get(i);
            if (!ref.isUploaded()) continue;
            JsonNode id = nets.size() > i ? nets.get(i).path("initImageId")
                    : v2refs.path(i + offset).path("image").path("id");
            if (!id.isMissingNode() && !id.isNull()) ids.put(ref.sha256(), id.asText());
        }
        return ids;
    }
}
