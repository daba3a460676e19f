package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.UpscaleOptions;
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
    static final String CLASSIC = UpscaleOptions.CLASSIC;
    static final String UNIVERSAL = UpscaleOptions.UNIVERSAL;
    static final String NOBG = "/variations/nobg";

    private VariationOps() {}

    /** {@code upscale x, OPTIONS} as the operation to send and record (see {@link UpscaleOptions}). */
    static Provenance.Operation upscale(Map<String, Object> options) {
        return UpscaleOptions.operation(options);
    }

    /** A numeric upscale option (factor) as the DSL accepts it, for pricing. */
    static Double number(Map<String, Object> o, String k) {
        return UpscaleOptions.number(o, k);
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
