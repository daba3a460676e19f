package dev.sitter.leonardo;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Surface;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a spec onto the pricing calculator's IMAGE_GENERATION parameters, using Leonardo's defaults
 * for what the spec leaves unset (1024x768, 4 images, 15 steps, alchemy on). ControlNet costs are not
 * included (the calculator wants a number Sitter cannot know); the create response's cost is exact.
 */
final class PricingParams {
    private PricingParams() {}

    static Map<String, Object> imageGeneration(PromptSpec s) {
        if (s.surface() == Surface.V2) {
            throw new LeonardoException(LeonardoException.Kind.INVALID_FIELD, "Leonardo's pricing calculator has no "
                    + "v2 models (" + s.modelId() + "); the cost shows after generating, in the result.", 0, "model", null, null, null);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("imageWidth", s.width() == null ? 1024 : s.width());
        p.put("imageHeight", s.height() == null ? 768 : s.height());
        p.put("numImages", s.numImages() == null ? 4 : s.numImages());
        p.put("inferenceSteps", s.steps() == null ? 15 : s.steps());
        p.put("alchemyMode", s.alchemy() == null || s.alchemy());
        p.put("highResolution", false);
        String v = s.sdVersion() == null ? "" : s.sdVersion().toUpperCase(Locale.ROOT);
        // Leonardo prices by model family; the request names the family by model id (Lightning XL
        // when none is given, as the API defaults to it) or by sd_version.
        String family = s.modelId() == null ? "lightning" : FAMILY_BY_MODEL_ID.getOrDefault(s.modelId(), "");
        if (v.equals("PHOENIX") || family.equals("phoenix")) p.put("isPhoenix", true);
        if (v.startsWith("SDXL") && !v.equals("SDXL_LIGHTNING")) p.put("isSDXL", true);
        if (v.equals("SDXL_LIGHTNING") || family.equals("lightning")) p.put("isSDXLLightning", true);
        if (v.equals("FLUX_DEV") || family.equals("flux-dev")) p.put("isFluxDev", true);
        if (v.equals("FLUX") || family.equals("flux-schnell")) p.put("isFluxSchnell", true);
        if (family.equals("flux-kontext")) p.put("isFluxKontext", true);
        if (!s.references().isEmpty()) {
            // Leonardo does not publish what a controlnet costs; 2 per reference is the sandbox's
            // documented figure (docs/sandbox.md). The charge recorded is always the create's own cost.
            p.put("controlnetsCost", CONTROLNET_COST * s.references().size());
        }
        return p;
    }

    static final int CONTROLNET_COST = 2;

    private static final Map<String, String> FAMILY_BY_MODEL_ID = Map.of(
            "b24e16ff-06e3-43eb-8d33-4416c2d75876", "lightning",
            "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", "phoenix",
            "6b645e3a-d64f-4341-a6d8-7a3690fbf042", "phoenix",
            "b2614463-296c-462a-9586-aafdb8f00e36", "flux-dev",
            "1dd50843-d653-4516-a8e3-f0238ee453ff", "flux-schnell",
            "28aeddf8-bd19-4803-80fc-79602d1a9989", "flux-kontext");
}
