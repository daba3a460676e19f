package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sitter.sandbox.Fields.Type.*;

/**
 * Validates {@code POST /api/rest/v2/generations}: {@code {model, public, parameters{prompt,
 * quantity, width, height, seed, style_ids, prompt_enhance, guidances{image_reference[]}}}}.
 * Parameter names inside {@code parameters} are snake_case as in Leonardo's model guides.
 */
final class V2GenerationParser {
    private static final Map<String, Fields.Type> TOP = Map.of("model", STRING, "public", BOOLEAN, "parameters", OBJECT);
    private static final Map<String, Fields.Type> PARAMS = Map.ofEntries(Map.entry("prompt", STRING), Map.entry("quantity", INT),
            Map.entry("width", INT), Map.entry("height", INT), Map.entry("seed", INT), Map.entry("style_ids", ARRAY),
            Map.entry("prompt_enhance", STRING), Map.entry("guidances", OBJECT), Map.entry("quality", STRING),
            Map.entry("negative_prompt", STRING), Map.entry("upscale_factor", INT), Map.entry("upscale_mode", STRING),
            Map.entry("creativity", STRING));
    private static final Map<String, Fields.Type> REF = Map.of("image", OBJECT, "strength", STRING);
    private static final Map<String, Fields.Type> IMAGE = Map.of("id", STRING, "type", STRING);

    private V2GenerationParser() {}

    static GenerationRequest parse(ObjectNode body) {
        Fields top = new Fields(body, "").onlyKnown(TOP);
        String model = top.required("model");
        if (!top.has("parameters")) throw ApiError.validation("missing required field 'parameters'");
        Fields p = new Fields((ObjectNode) body.get("parameters"), "parameters.").onlyKnown(PARAMS);
        String prompt = p.required("prompt");
        V1GenerationParser.checkPrompt(prompt);
        Long q = p.integer("quantity");
        p.range("quantity", q, 1, 8);
        Long w = p.integer("width"), h = p.integer("height");
        p.range("width", w, 256, 1440);
        p.range("height", h, 256, 1440);
        Long seed = p.integer("seed");
        p.range("seed", seed, 0, 4294967295L);
        p.enumValue("prompt_enhance", "prompt_enhance", Fields.set("ON", "OFF"));
        List<Reference> refs = new ArrayList<>();
        JsonNode g = p.raw("guidances");
        if (g != null) {
            Fields gf = new Fields((ObjectNode) g, "parameters.guidances.").onlyKnown(Map.of("image_reference", ARRAY));
            JsonNode arr = gf.raw("image_reference");
            if (arr != null) {
                if (arr.size() > 6) throw ApiError.validation("parameters.guidances.image_reference: at most 6 reference images, got " + arr.size());
                for (int i = 0; i < arr.size(); i++) {
                    String prefix = "parameters.guidances.image_reference[" + i + "].";
                    if (!arr.get(i).isObject()) throw ApiError.validation(prefix + ": Expected an object");
                    Fields rf = new Fields((ObjectNode) arr.get(i), prefix).onlyKnown(REF);
                    String strength = rf.enumValue("strength", "strength", Fields.set("LOW", "MID", "HIGH"));
                    if (!rf.has("image")) throw ApiError.validation("missing required field '" + prefix + "image'");
                    Fields img = new Fields((ObjectNode) arr.get(i).get("image"), prefix + "image.").onlyKnown(IMAGE);
                    String id = img.required("id");
                    String type = img.enumValue("type", "type", Fields.set("UPLOADED", "GENERATED"));
                    if (type == null) throw ApiError.validation("missing required field '" + prefix + "image.type'");
                    refs.add(new Reference(id, type.equals("UPLOADED"), Reference.Role.GENERIC,
                            Reference.weightOf(strength == null ? "MID" : strength, null)));
                }
            }
        }
        int width = w == null ? 1024 : w.intValue(), height = h == null ? 1024 : h.intValue();
        return new GenerationRequest(true, model, prompt, p.str("negative_prompt"), null, null, null, null, width, height,
                q == null ? 1 : q.intValue(), null, null, seed, false, false, null, false, null, null, false, false,
                top.bool("public", false), null, null, null, null, null, null, null, refs, 0);
    }
}
