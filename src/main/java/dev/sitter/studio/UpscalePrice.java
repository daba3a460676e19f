package dev.sitter.studio;

import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.model.Provenance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The price of one upscale, from the very operation that is sent (see {@link VariationOps#upscale}):
 * the one source for the standalone command's budget check ({@link LeonardoStudio#quote}) and a
 * pipeline's estimate and budget ({@link StudioPriceList}), so the two cannot disagree.
 */
final class UpscalePrice {
    /** The output scale when an upscale sends no upscaleMultiplier: what the sandbox applies then. */
    static final double DEFAULT_MULTIPLIER = 1.5;
    /** The classic upscaler doubles. */
    static final double CLASSIC_MULTIPLIER = 2;
    /** The classic upscaler (mode: 'classic'): no calculator service; the sandbox's charge. */
    static final long CLASSIC_CREDITS = 15;

    private UpscalePrice() {}

    /** {@code op} on an image of {@code width} x {@code height}: classic at its fixed price, the universal ones by the calculator. */
    static long of(LeonardoClient client, Provenance.Operation op, int width, int height) {
        if (!VariationOps.UNIVERSAL.equals(op.endpoint())) return CLASSIC_CREDITS;
        double multiplier = multiplier(op);
        if (op.params().containsKey("ultraUpscaleStyle")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("inputWidth", width);
            p.put("inputHeight", height);
            p.put("upscaleMultiplier", multiplier);
            return client.estimate("UNIVERSAL_UPSCALER_ULTRA", p).cost();
        }
        int[] out = size(op, width, height);
        long megapixel = Math.max(1, ((long) out[0] * out[1] + 999_999) / 1_000_000);
        return client.estimate("UNIVERSAL_UPSCALER", Map.of("megapixel", megapixel)).cost();
    }

    /** The size {@code op} makes of an image of {@code width} x {@code height}. */
    static int[] size(Provenance.Operation op, int width, int height) {
        double m = multiplier(op);
        return new int[]{(int) Math.floor(width * m + 0.5), (int) Math.floor(height * m + 0.5)};
    }

    private static double multiplier(Provenance.Operation op) {
        if (!VariationOps.UNIVERSAL.equals(op.endpoint())) return CLASSIC_MULTIPLIER;
        Object m = op.params().get("upscaleMultiplier");
        return m instanceof Number n ? n.doubleValue() : DEFAULT_MULTIPLIER;
    }
}
