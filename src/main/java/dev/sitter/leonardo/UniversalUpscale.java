package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

/**
 * A {@code POST /variations/universal-upscaler} request. Exactly one source: a generated image, an
 * uploaded init image, or an earlier variation. Either the standard {@code upscalerStyle} (with
 * creativityStrength) or the ultra {@code ultraUpscaleStyle} (with similarity and detailContrast),
 * never both. Null fields are left off so Leonardo's defaults apply.
 */
public record UniversalUpscale(Source sourceKind, String sourceId, Double upscaleMultiplier, Integer creativityStrength,
                               String upscalerStyle, String ultraUpscaleStyle, Integer similarity, Integer detailContrast,
                               String prompt) {

    public enum Source { GENERATED, INIT, VARIATION }

    public UniversalUpscale {
        if (sourceKind == null || sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("universal upscale needs a source image id");
        }
        if (upscalerStyle != null && ultraUpscaleStyle != null) {
            throw new IllegalArgumentException("upscalerStyle and ultraUpscaleStyle cannot be combined; pick one (ultra = ARTISTIC or REALISTIC)");
        }
        if ((similarity != null || detailContrast != null) && ultraUpscaleStyle == null) {
            throw new IllegalArgumentException("similarity and detailContrast only apply with ultraUpscaleStyle");
        }
        check("upscaleMultiplier", upscaleMultiplier, 1.0, 2.0);
        check("creativityStrength", creativityStrength, 1, 10);
        check("similarity", similarity, 1, 10);
        check("detailContrast", detailContrast, 1, 10);
    }

    /** The standard upscaler on a generated image with Leonardo's defaults. */
    public static UniversalUpscale of(String generatedImageId) {
        return new UniversalUpscale(Source.GENERATED, generatedImageId, null, null, null, null, null, null, null);
    }

    /** The ultra upscaler on a generated image. */
    public static UniversalUpscale ultra(String generatedImageId, String style, Double multiplier, Integer similarity, Integer detailContrast) {
        return new UniversalUpscale(Source.GENERATED, generatedImageId, multiplier, null, null, style, similarity, detailContrast, null);
    }

    ObjectNode body() {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put(switch (sourceKind) {
            case GENERATED -> "generatedImageId";
            case INIT -> "initImageId";
            case VARIATION -> "variationId";
        }, sourceId);
        if (upscaleMultiplier != null) b.put("upscaleMultiplier", upscaleMultiplier);
        if (creativityStrength != null) b.put("creativityStrength", creativityStrength);
        if (upscalerStyle != null) b.put("upscalerStyle", upscalerStyle);
        if (ultraUpscaleStyle != null) b.put("ultraUpscaleStyle", ultraUpscaleStyle);
        if (similarity != null) b.put("similarity", similarity);
        if (detailContrast != null) b.put("detailContrast", detailContrast);
        if (prompt != null) b.put("prompt", prompt);
        return b;
    }

    private static void check(String name, Number v, double min, double max) {
        if (v != null && (v.doubleValue() < min || v.doubleValue() > max)) {
            throw new IllegalArgumentException(name + " must be between " + fmt(min) + " and " + fmt(max) + ", not " + v);
        }
    }

    private static String fmt(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }
}
