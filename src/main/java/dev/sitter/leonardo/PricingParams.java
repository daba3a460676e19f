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
        if (v.equals("PHOENIX")) p.put("isPhoenix", true);
        if (v.startsWith("SDXL") && !v.equals("SDXL_LIGHTNING")) p.put("isSDXL", true);
        if (v.equals("SDXL_LIGHTNING")) p.put("isSDXLLightning", true);
        if (v.equals("FLUX_DEV")) p.put("isFluxDev", true);
        if (v.equals("FLUX")) p.put("isFluxSchnell", true);
        return p;
    }
}
