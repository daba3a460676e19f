package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

import java.util.List;

/** The platform models the sandbox lists, with the ids Leonardo documents for them. */
final class PlatformModels {
    record Model(String id, String name, String description, boolean featured) {}

    static final List<Model> ALL = List.of(
            new Model("7b592283-e8a7-4c5a-9ba6-d18c31f258b9", "Lucid Origin", "Leonardo's versatile model with strong prompt adherence.", true),
            new Model("05ce0082-2d80-4a2d-8653-4d1c85e2418e", "Lucid Realism", "Photographic realism with cinematic light.", true),
            new Model("28aeddf8-bd19-4803-80fc-79602d1a9989", "FLUX.1 Kontext", "Edits and consistent characters from context images.", true),
            new Model(GenerationRequest.PHOENIX_1, "Leonardo Phoenix 1.0", "Leonardo's foundational model with strong prompt adherence.", true),
            new Model(GenerationRequest.PHOENIX_09, "Leonardo Phoenix 0.9", "Preview version of Phoenix.", false),
            new Model(GenerationRequest.FLUX_DEV, "Flux Dev", "FLUX.1 [dev] for detailed images.", false),
            new Model(GenerationRequest.FLUX_SCHNELL, "Flux Schnell", "FLUX.1 [schnell], fast.", false),
            new Model("e71a1c2f-4f80-4800-934f-2c68979d8cc8", "Leonardo Anime XL", "Anime and illustration styles.", true),
            new Model(GenerationRequest.LIGHTNING_XL, "Leonardo Lightning XL", "Fast SDXL generalist.", true),
            new Model("16e7060a-803e-4df3-97ee-edcfa5dc9cc8", "SDXL 1.0", "Stable Diffusion XL base model.", false),
            new Model("aa77f04e-3eec-4034-9c07-d0f619684628", "Leonardo Kino XL", "Cinematic SDXL model for film-like portraits.", true),
            new Model("5c232a9e-9061-4777-980a-ddc8e65647c6", "Leonardo Vision XL", "Realistic SDXL model.", true),
            new Model("1e60896f-3c26-4296-8ecc-53e2afecc132", "Leonardo Diffusion XL", "Versatile SDXL model.", true),
            new Model("2067ae52-33fd-4a82-bb92-c2c55e7d2786", "AlbedoBase XL", "Community SDXL model.", false));

    private PlatformModels() {}

    static boolean isPlatform(String id) {
        for (Model m : ALL) if (m.id().equals(id)) return true;
        return false;
    }

    static ObjectNode listJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("custom_models");
        for (Model m : ALL) {
            ObjectNode n = arr.addObject();
            n.put("id", m.id());
            n.put("name", m.name());
            n.put("description", m.description());
            n.put("nsfw", false);
            n.put("featured", m.featured());
            n.putNull("generated_image");
        }
        return root;
    }
}
