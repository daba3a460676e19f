package dev.sitter.dsl;

import dev.sitter.leonardo.UniversalUpscale;
import dev.sitter.model.Provenance;

import java.util.Map;

/**
 * The options of {@code upscale} as the request to send: which upscaler and every parameter, as a
 * {@link Provenance.Operation}. One mapping for the real run (which records it and sends that same
 * value) and the dry run (which prints it), so what a dry run shows is what is sent.
 */
public final class UpscaleOptions {
    public static final String CLASSIC = "/variations/upscale";
    public static final String UNIVERSAL = "/variations/universal-upscaler";

    private UpscaleOptions() {}

    /**
     * {@code upscale x} / {@code upscale x, mode: 'ultra', factor: 2}: the classic upscaler (mode
     * classic/basic: always 2x, no options), the ultra universal upscaler (mode ultra; Leonardo runs
     * the standard one without ultraUpscaleStyle, so REALISTIC is sent unless a style is given;
     * similarity, detailContrast), else the standard universal upscaler (style, creativity). Every
     * mode but classic takes factor (upscaleMultiplier, 1-2).
     */
    public static Provenance.Operation operation(Map<String, Object> options) {
        String mode = String.valueOf(options.getOrDefault("mode", "standard"));
        if (mode.equals("classic") || mode.equals("basic")) {
            for (String k : options.keySet()) {
                if (!k.equals("mode")) {
                    throw new DslException("upscale: the classic upscaler always doubles and takes no " + k
                            + ":; drop it, or use mode: 'standard' or 'ultra'");
                }
            }
            return Provenance.Operation.of(CLASSIC, Map.of());
        }
        boolean ultra = mode.equals("ultra");
        String style = options.get("style") == null ? null : String.valueOf(options.get("style"));
        UniversalUpscale request;
        try {
            request = new UniversalUpscale(UniversalUpscale.Source.GENERATED, "parent", number(options, "factor"),
                    whole(options, "creativity"), ultra ? null : style, ultra ? (style == null ? "REALISTIC" : style) : null,
                    whole(options, "similarity"), whole(options, "detailContrast"), null);
        } catch (IllegalArgumentException e) {
            throw new DslException("upscale: " + e.getMessage().replace("creativityStrength", "creativity")
                    .replace("upscaleMultiplier", "factor").replace("ultraUpscaleStyle", "mode: 'ultra'"));
        }
        return Provenance.Operation.of(UNIVERSAL, request.params());
    }

    /** A numeric option as the DSL accepts it (any number), or null when absent. */
    public static Double number(Map<String, Object> o, String k) {
        Object v = o.get(k);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        throw new DslException("upscale: " + k + ": takes a number, e.g. " + k + ": 2; got '" + v + "'");
    }

    private static Integer whole(Map<String, Object> o, String k) {
        Double d = number(o, k);
        if (d == null) return null;
        if (d != Math.rint(d)) throw new DslException("upscale: " + k + ": takes a whole number from 1 to 10; got " + d);
        return d.intValue();
    }

}
