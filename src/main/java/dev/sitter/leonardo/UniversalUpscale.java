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

    /**
     * Every field this request sends except its source, wire names, sorted: what a provenance
     * record keeps so that {@link #fromParams} sends the same body again on another source.
     */
    public java.util.SortedMap<String, Object> params() {
        java.util.SortedMap<String, Object> p = new java.util.TreeMap<>();
        body().properties().forEach(e -> {
            if (!e.getKey().equals(sourceField())) p.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
        });
        return p;
    }

    /**
     * The request {@link #params()} describes, on a new source.
     *
     * @throws IllegalArgumentException naming a parameter that is unknown or of the wrong type
     */
    public static UniversalUpscale fromParams(Source sourceKind, String sourceId, java.util.Map<String, ?> params) {
        java.util.Set<String> known = java.util.Set.of("upscaleMultiplier", "creativityStrength", "upscalerStyle",
                "ultraUpscaleStyle", "similarity", "detailContrast", "prompt");
        for (String k : params.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("universal upscaler parameter '" + k + "' is not one this Sitter sends"
                        + " (it knows " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
        Number mult = number(params, "upscaleMultiplier");
        return new UniversalUpscale(sourceKind, sourceId, mult == null ? null : mult.doubleValue(),
                integer(params, "creativityStrength"), text(params, "upscalerStyle"), text(params, "ultraUpscaleStyle"),
                integer(params, "similarity"), integer(params, "detailContrast"), text(params, "prompt"));
    }

    private static Number number(java.util.Map<String, ?> p, String k) {
        Object v = p.get(k);
        if (v == null || v instanceof Number) return (Number) v;
        throw new IllegalArgumentException("universal upscaler parameter '" + k + "' must be a number, not '" + v + "'");
    }

    private static Integer integer(java.util.Map<String, ?> p, String k) {
        Number n = number(p, k);
        if (n == null) return null;
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("universal upscaler parameter '" + k + "' must be a whole number, not " + n);
        }
        return n.intValue();
    }

    private static String text(java.util.Map<String, ?> p, String k) {
        Object v = p.get(k);
        if (v == null || v instanceof String) return (String) v;
        throw new IllegalArgumentException("universal upscaler parameter '" + k + "' must be text, not " + v);
    }

    private String sourceField() {
        return switch (sourceKind) {
            case GENERATED -> "generatedImageId";
            case INIT -> "initImageId";
            case VARIATION -> "variationId";
        };
    }

    ObjectNode body() {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put(sourceField(), sourceId);
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
