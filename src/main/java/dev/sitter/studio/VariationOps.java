package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.leonardo.UniversalUpscale;
import dev.sitter.leonardo.VariationResult;
import dev.sitter.model.Provenance;

import java.util.Map;
import java.util.TreeMap;

/**
 * The variations Sitter runs on a parent image (upscale, background removal), as a
 * {@link Provenance.Operation}: built once from the DSL's options, recorded as is, and sent from
 * that same value, so a replay of the record sends exactly what the first run sent.
 */
final class VariationOps {
    static final String CLASSIC = "/variations/upscale";
    static final String UNIVERSAL = "/variations/universal-upscaler";
    static final String NOBG = "/variations/nobg";

    private VariationOps() {}

    /**
     * {@code upscale x} / {@code upscale x, mode: 'ultra', factor: 2}: the classic upscaler (mode
     * classic/basic: always 2x, no options), the ultra universal upscaler (mode ultra; Leonardo runs
     * the standard one without ultraUpscaleStyle, so REALISTIC is sent unless a style is given;
     * similarity, detailContrast), else the standard universal upscaler (style, creativity). Every
     * mode but classic takes factor (upscaleMultiplier, 1-2).
     */
    static Provenance.Operation upscale(Map<String, Object> options) {
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

    private static Double number(Map<String, Object> o, String k) {
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

    static Provenance.Operation removeBackground() {
        return Provenance.Operation.of(NOBG, Map.of());
    }

    /**
     * Sends {@code op} on {@code parent} (its Leonardo id, as a generated image or a variation).
     *
     * @throws DslException when the operation is not one this Sitter can send (a record from a newer one)
     */
    static VariationResult send(LeonardoClient client, Provenance.Operation op, Asset parent) {
        Map<String, Object> params = op.params() == null ? new TreeMap<>() : op.params();
        return switch (op.endpoint() == null ? "" : op.endpoint()) {
            case CLASSIC -> {
                requireNone(op, params);
                yield client.upscale(parent.leonardoImageId());
            }
            case UNIVERSAL -> {
                UniversalUpscale.Source source = parent.variation() ? UniversalUpscale.Source.VARIATION : UniversalUpscale.Source.GENERATED;
                try {
                    yield client.universalUpscale(UniversalUpscale.fromParams(source, parent.leonardoImageId(), params));
                } catch (IllegalArgumentException e) {
                    throw new DslException("the recorded upscale cannot be sent again: " + e.getMessage()
                            + "; the record was changed or written by a newer Sitter");
                }
            }
            case NOBG -> {
                requireNone(op, params);
                yield client.removeBackground(parent.leonardoImageId(), parent.variation());
            }
            default -> throw new DslException("the record names the operation '" + op.endpoint() + "', which this Sitter cannot"
                    + " send (it knows " + CLASSIC + ", " + UNIVERSAL + " and " + NOBG + "); upgrade Sitter to replay it");
        };
    }

    private static void requireNone(Provenance.Operation op, Map<String, Object> params) {
        if (!params.isEmpty()) {
            throw new DslException("the recorded " + op.endpoint() + " has parameters " + params.keySet() + " this Sitter does not send;"
                    + " the record was changed or written by a newer Sitter");
        }
    }
}
