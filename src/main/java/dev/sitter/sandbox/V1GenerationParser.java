package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sitter.sandbox.Fields.Type.*;

/**
 * Validates a {@code POST /generations} body against the published spec (field names, types,
 * enums, ranges) plus the documented runtime rules the spec leaves out (prompt length, Phoenix
 * needs sd_version PHOENIX, at most 4 images above 768 px, weight xor strengthType).
 */
final class V1GenerationParser {
    static final int MAX_PROMPT = 1500;
    static final Set<String> PRESET_STYLES = Fields.set("ANIME", "BOKEH", "CINEMATIC", "CINEMATIC_CLOSEUP", "CREATIVE", "DYNAMIC",
            "ENVIRONMENT", "FASHION", "FILM", "FOOD", "GENERAL", "HDR", "ILLUSTRATION", "LEONARDO", "LONG_EXPOSURE", "MACRO",
            "MINIMALISTIC", "MONOCHROME", "MOODY", "NONE", "NEUTRAL", "PHOTOGRAPHY", "PORTRAIT", "RAYTRACED", "RENDER_3D", "RETRO",
            "SKETCH_BW", "SKETCH_COLOR", "STOCK_PHOTO", "VIBRANT", "UNPROCESSED");
    static final Set<String> SCHEDULERS = Fields.set("KLMS", "EULER_ANCESTRAL_DISCRETE", "EULER_DISCRETE", "DDIM", "DPM_SOLVER", "PNDM", "LEONARDO");
    static final Set<String> SD_VERSIONS = Fields.set("v1_5", "v2", "v3", "SDXL_0_8", "SDXL_0_9", "SDXL_1_0", "SDXL_LIGHTNING",
            "PHOENIX", "FLUX", "FLUX_DEV", "KINO_2_0");
    static final Set<String> CONTRASTS = Fields.set("1.0", "1.3", "1.8", "2.5", "3.0", "3.5", "4.0", "4.5");

    private static final Map<String, Fields.Type> FIELDS = new LinkedHashMap<>();
    private static final Map<String, Fields.Type> CONTROLNET_FIELDS = Map.of("initImageId", STRING, "initImageType", STRING,
            "preprocessorId", FLOAT, "weight", FLOAT, "strengthType", STRING, "influence", FLOAT);

    static {
        Object[] f = {"alchemy", BOOLEAN, "contrastRatio", FLOAT, "contrast", FLOAT, "controlnets", ARRAY, "elements", ARRAY,
                "userElements", ARRAY, "expandedDomain", BOOLEAN, "fantasyAvatar", BOOLEAN, "guidance_scale", FLOAT, "height", INT,
                "highContrast", BOOLEAN, "highResolution", BOOLEAN, "imagePrompts", ARRAY, "imagePromptWeight", FLOAT,
                "init_generation_image_id", STRING, "init_image_id", STRING, "init_strength", FLOAT, "modelId", STRING,
                "negative_prompt", STRING, "num_images", INT, "num_inference_steps", INT, "photoReal", BOOLEAN,
                "photoRealVersion", STRING, "photoRealStrength", FLOAT, "presetStyle", STRING, "prompt", STRING,
                "promptMagic", BOOLEAN, "promptMagicStrength", FLOAT, "promptMagicVersion", STRING, "public", BOOLEAN,
                "scheduler", STRING, "sd_version", STRING, "seed", INT, "tiling", BOOLEAN, "transparency", STRING,
                "ultra", BOOLEAN, "unzoom", BOOLEAN, "unzoomAmount", FLOAT, "upscaleRatio", FLOAT, "width", INT,
                "controlNet", BOOLEAN, "controlNetType", STRING, "weighting", FLOAT, "canvasRequest", BOOLEAN,
                "canvasRequestType", STRING, "canvasInitId", STRING, "canvasMaskId", STRING, "enhancePrompt", BOOLEAN,
                "enhancePromptInstruction", STRING,
                // documented in Leonardo's guides though missing from the OpenAPI file (research notes 1.2)
                "styleUUID", STRING, "contextImages", ARRAY};
        for (int i = 0; i < f.length; i += 2) FIELDS.put((String) f[i], (Fields.Type) f[i + 1]);
    }

    private V1GenerationParser() {}

    static GenerationRequest parse(ObjectNode body) {
        Fields f = new Fields(body, "").onlyKnown(FIELDS);
        String prompt = f.required("prompt");
        checkPrompt(prompt);
        String modelId = f.str("modelId");
        if (modelId != null && !Ids.isUuid(modelId)) {
            throw ApiError.validation("modelId: \"" + modelId + "\" is not a valid model id (expected a UUID from GET /platformModels)");
        }
        String preset = f.enumValue("presetStyle", "sd_generation_style", PRESET_STYLES);
        String scheduler = f.enumValue("scheduler", "sd_generation_schedulers", SCHEDULERS);
        String sdVersion = f.enumValue("sd_version", "sd_versions", SD_VERSIONS);
        String transparency = f.enumValue("transparency", "TransparencyType", Fields.set("disabled", "foreground_only"));
        String canvasType = f.enumValue("canvasRequestType", "canvasRequestType", Fields.set("INPAINT", "OUTPAINT", "SKETCH2IMG", "IMG2IMG"));
        f.enumValue("photoRealVersion", "photoRealVersion", Fields.set("v1", "v2"));
        f.enumValue("controlNetType", "controlnet_type", Fields.set("POSE", "CANNY", "DEPTH"));
        int width = dimension(f, "width", 1024);
        int height = dimension(f, "height", 768);
        Long n = f.integer("num_images");
        int numImages = n == null ? 4 : n.intValue();
        int maxImages = (width > 768 || height > 768) ? 4 : 8;
        if (n != null && (n < 1 || n > maxImages)) {
            throw ApiError.validation("num_images must be between 1 and " + maxImages
                    + (maxImages == 4 ? " when width or height is over 768" : "") + ", got " + n);
        }
        Long steps = f.integer("num_inference_steps");
        f.range("num_inference_steps", steps, 10, 60);
        Double guidance = f.number("guidance_scale");
        f.range("guidance_scale", guidance, 1, 20);
        Double initStrength = f.number("init_strength");
        f.range("init_strength", initStrength, 0.1, 0.9);
        f.range("contrastRatio", f.number("contrastRatio"), 0, 1);
        Double contrast = f.number("contrast");
        if (contrast != null && !CONTRASTS.contains(String.format(java.util.Locale.ROOT, "%.1f", contrast))) {
            throw ApiError.validation("contrast must be one of 1.0, 1.3, 1.8, 2.5, 3, 3.5, 4, 4.5, got " + Fields.fmt(contrast));
        }
        Long seed = f.integer("seed");
        boolean flux = GenerationRequest.FLUX_DEV.equals(modelId) || GenerationRequest.FLUX_SCHNELL.equals(modelId);
        f.range("seed", seed, 0, flux ? 2147483637L : 9999999998L);
        boolean phoenix = GenerationRequest.PHOENIX_1.equals(modelId) || GenerationRequest.PHOENIX_09.equals(modelId);
        if (phoenix && !"PHOENIX".equals(sdVersion)) {
            throw ApiError.validation("Phoenix request requires sd_version to be PHOENIX.");
        }
        boolean alchemy = f.bool("alchemy", true);
        boolean ultra = f.bool("ultra", false);
        if (ultra && f.has("alchemy") && alchemy) {
            throw ApiError.validation("ultra can not be used with alchemy; set alchemy to false");
        }
        if (f.has("init_image_id") && f.has("init_generation_image_id")) {
            throw ApiError.validation("send either init_image_id or init_generation_image_id, not both");
        }
        String initImageId = f.str("init_image_id");
        String initGenId = f.str("init_generation_image_id");
        if ((initImageId != null || initGenId != null) && initStrength == null) initStrength = 0.5;
        List<Reference> refs = controlnets(f.raw("controlnets"));
        JsonNode elements = f.raw("elements");
        JsonNode userElements = f.raw("userElements");
        int loras = (elements == null ? 0 : elements.size()) + (userElements == null ? 0 : userElements.size());
        return new GenerationRequest(false, null, prompt, f.str("negative_prompt"), modelId == null ? GenerationRequest.LIGHTNING_XL : modelId,
                sdVersion, preset, scheduler, width, height, numImages, steps == null ? null : steps.intValue(), guidance, seed,
                alchemy && !ultra, f.bool("photoReal", false), f.number("photoRealStrength"), f.bool("promptMagic", false),
                f.number("promptMagicStrength"), f.str("promptMagicVersion"), f.bool("highResolution", false), ultra,
                f.bool("public", false), initImageId, initGenId, initStrength, f.str("canvasInitId"), f.str("canvasMaskId"),
                canvasType, transparency, refs, loras);
    }

    static void checkPrompt(String prompt) {
        if (prompt.isBlank()) throw ApiError.validation("prompt must not be empty");
        if (prompt.length() > MAX_PROMPT) throw ApiError.validation("Invalid prompt, maximum length of 1500 characters exceeded.");
    }

    private static int dimension(Fields f, String name, int dflt) {
        Long v = f.integer(name);
        if (v == null) return dflt;
        if (v < 32 || v > 1536 || v % 8 != 0) {
            throw ApiError.validation("invalid dimensions: " + name + " must be between 32 and 1536 and a multiple of 8, got " + v);
        }
        return v.intValue();
    }

    private static List<Reference> controlnets(JsonNode arr) {
        List<Reference> out = new ArrayList<>();
        if (arr == null) return out;
        for (int i = 0; i < arr.size(); i++) {
            JsonNode c = arr.get(i);
            String prefix = "controlnets[" + i + "].";
            if (!c.isObject()) throw ApiError.validation(prefix.substring(0, prefix.length() - 1) + ": Expected an object for type controlnet_input");
            Fields cf = new Fields((ObjectNode) c, prefix).onlyKnown(CONTROLNET_FIELDS);
            String id = cf.required("initImageId");
            String type = cf.enumValue("initImageType", "initImageType", Fields.set("GENERATED", "UPLOADED"));
            if (type == null) throw ApiError.validation("missing required field '" + prefix + "initImageType'");
            if (!cf.has("preprocessorId")) throw ApiError.validation("missing required field '" + prefix + "preprocessorId'");
            int pre = cf.number("preprocessorId").intValue();
            String strength = cf.enumValue("strengthType", "strengthType", Fields.set("Low", "Mid", "High", "Ultra", "Max"));
            Double weight = cf.number("weight");
            if (strength != null && weight != null) {
                throw ApiError.validation(prefix + "weight and " + prefix + "strengthType: send one or the other, not both");
            }
            cf.range("weight", weight, 0, 2);
            Reference.Role role = Reference.roleOf(pre);
            if (strength != null && role != Reference.Role.STYLE && (strength.equals("Ultra") || strength.equals("Max"))) {
                throw ApiError.validation(prefix + "strengthType " + strength + " is only allowed for Style Reference; Character and Content Reference take Low, Mid or High");
            }
            out.add(new Reference(id, type.equals("UPLOADED"), role, Reference.weightOf(strength, weight)));
        }
        return out;
    }
}
