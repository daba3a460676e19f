package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.InitImage;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.Surface;

import java.util.Locale;
import java.util.Map;

/**
 * Builds the exact JSON body for a {@link PromptSpec}: only fields the user set, wire names as
 * Leonardo's spec spells them (eight snake_case fields on v1, the rest camelCase), in a fixed
 * order so the same spec always gives the same bytes.
 */
public final class GenerationBody {
    private GenerationBody() {}

    public static ObjectNode of(PromptSpec spec, ImageIds ids) {
        return spec.surface() == Surface.V2 ? v2(spec, ids) : v1(spec, ids);
    }

    /** {@code POST /api/rest/v1/generations}. */
    public static ObjectNode v1(PromptSpec spec, ImageIds ids) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("prompt", spec.prompt());
        putIfSet(body, "negative_prompt", spec.negativePrompt());
        putIfSet(body, "modelId", spec.modelId());
        putIfSet(body, "sd_version", spec.sdVersion());
        putIfSet(body, "presetStyle", spec.presetStyle());
        putIfSet(body, "width", spec.width());
        putIfSet(body, "height", spec.height());
        putIfSet(body, "num_images", spec.numImages());
        putIfSet(body, "num_inference_steps", spec.steps());
        putIfSet(body, "guidance_scale", spec.guidance());
        putIfSet(body, "seed", spec.seed());
        putIfSet(body, "alchemy", spec.alchemy());
        InitImage init = spec.init();
        if (init != null) {
            if (init.isUploaded()) body.put("init_image_id", ids.idFor(init.sha256()));
            else body.put("init_generation_image_id", init.generatedImageId());
            body.put("init_strength", init.strength());
        }
        if (!spec.references().isEmpty()) {
            ArrayNode nets = body.putArray("controlnets");
            for (ReferenceImage ref : spec.references()) {
                ObjectNode net = nets.addObject();
                net.put("initImageId", ref.isUploaded() ? ids.idFor(ref.sha256()) : ref.generatedImageId());
                net.put("initImageType", ref.isUploaded() ? "UPLOADED" : "GENERATED");
                if (ref.preprocessorId() != null) net.put("preprocessorId", ref.preprocessorId());
                if (ref.strengthType() != null) net.put("strengthType", ref.strengthType());
                else if (ref.weight() != null) net.put("weight", ref.weight());
            }
        }
        body.put("public", spec.isPublic());
        putExtra(body, spec.extra());
        return body;
    }

    /**
     * Canvas inpainting on {@code POST /generations}: the spec's fields plus {@code canvasRequest},
     * {@code canvasRequestType: INPAINT}, the uploaded init and mask ids and {@code init_strength}
     * (Leonardo's maximum for inpainting is 0.8; white in the mask is repainted).
     */
    public static ObjectNode canvasInpaint(PromptSpec spec, ImageIds ids, String canvasInitId, String canvasMaskId,
                                           double initStrength) {
        if (spec.surface() == Surface.V2) throw new IllegalArgumentException("canvas inpainting is a v1 feature; pick a v1 model");
        if (spec.init() != null) throw new IllegalArgumentException("inpainting takes its source from the canvas image; drop the init image");
        if (initStrength < 0 || initStrength > 0.8) {
            throw new IllegalArgumentException("inpainting init_strength must be between 0 and 0.8, not " + initStrength);
        }
        ObjectNode body = v1(spec, ids);
        for (String f : new String[]{"canvasRequest", "canvasRequestType", "canvasInitId", "canvasMaskId", "init_strength"}) {
            if (body.has(f)) throw new IllegalArgumentException("extra field '" + f + "' clashes with inpainting; remove it");
        }
        body.put("canvasRequest", true);
        body.put("canvasRequestType", "INPAINT");
        body.put("canvasInitId", canvasInitId);
        body.put("canvasMaskId", canvasMaskId);
        body.put("init_strength", initStrength);
        return body;
    }

    /** {@code POST /api/rest/v2/generations}: {@code {model, public, parameters}}; references go to guidances.image_reference. */
    public static ObjectNode v2(PromptSpec spec, ImageIds ids) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", spec.modelId());
        body.put("public", spec.isPublic());
        ObjectNode p = body.putObject("parameters");
        p.put("prompt", spec.prompt());
        putIfSet(p, "quantity", spec.numImages());
        putIfSet(p, "width", spec.width());
        putIfSet(p, "height", spec.height());
        putIfSet(p, "seed", spec.seed());
        if (!spec.references().isEmpty() || spec.init() != null) {
            ArrayNode refs = p.putObject("guidances").putArray("image_reference");
            if (spec.init() != null) {
                InitImage init = spec.init();
                addV2Reference(refs, init.isUploaded() ? ids.idFor(init.sha256()) : init.generatedImageId(),
                        init.isUploaded(), "HIGH");
            }
            for (ReferenceImage ref : spec.references()) {
                addV2Reference(refs, ref.isUploaded() ? ids.idFor(ref.sha256()) : ref.generatedImageId(),
                        ref.isUploaded(), v2Strength(ref));
            }
        }
        putExtra(p, spec.extra());
        return body;
    }

    /** v2 image references take LOW, MID or HIGH only (v1's Ultra/Max exist only for v1 Style Reference). */
    private static String v2Strength(ReferenceImage ref) {
        if (ref.strengthType() == null) return "MID";
        String s = ref.strengthType().toUpperCase(Locale.ROOT);
        if (!s.equals("LOW") && !s.equals("MID") && !s.equals("HIGH")) {
            throw new IllegalArgumentException("v2 models take reference strength Low, Mid or High, not '"
                    + ref.strengthType() + "'" + (ref.path() == null ? "" : " (reference " + ref.path() + ")"));
        }
        return s;
    }

    private static void addV2Reference(ArrayNode refs, String id, boolean uploaded, String strength) {
        ObjectNode r = refs.addObject();
        ObjectNode image = r.putObject("image");
        image.put("id", id);
        image.put("type", uploaded ? "UPLOADED" : "GENERATED");
        r.put("strength", strength);
    }

    private static void putExtra(ObjectNode node, Map<String, Object> extra) {
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (node.has(e.getKey())) {
                throw new IllegalArgumentException("extra field '" + e.getKey()
                        + "' would overwrite a field Sitter sets itself; set it through the DSL instead");
            }
            node.set(e.getKey(), Json.MAPPER.valueToTree(e.getValue()));
        }
    }

    private static void putIfSet(ObjectNode n, String name, Object v) {
        if (v == null) return;
        if (v instanceof String s) n.put(name, s);
        else if (v instanceof Integer i) n.put(name, i);
        else if (v instanceof Long l) n.put(name, l);
        else if (v instanceof Double d) n.put(name, d);
        else if (v instanceof Boolean b) n.put(name, b);
        else n.set(name, Json.MAPPER.valueToTree(v));
    }
}
