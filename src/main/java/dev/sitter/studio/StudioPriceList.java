package dev.sitter.studio;

import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.model.InitImage;
import dev.sitter.model.PromptSpec;
import dev.sitter.pipeline.PriceList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prices a pipeline's ops with Leonardo's pricing calculator ({@code POST /pricing-calculator}, free),
 * building the same requests {@link StudioPortraitOps} sends. Equal questions are asked once.
 *
 * <p>The upscaler's output is the input times {@link #MULTIPLIER}: the pipeline sends no
 * {@code upscaleMultiplier}, and 1.5 is what the sandbox applies then; the classic upscaler
 * ({@code mode: 'classic'}) doubles and has no calculator service, so it is left unpriced.
 */
final class StudioPriceList implements PriceList {
    static final double MULTIPLIER = 1.5;

    private final LeonardoClient client;
    private final PromptSpec base;
    private final Map<String, Long> asked = new HashMap<>();

    StudioPriceList(LeonardoClient client, PromptSpec base) {
        this.client = client;
        this.base = base;
    }

    @Override public long generate(int count, int width, int height, Integer steps) {
        PromptSpec spec = StudioPortraitOps.exploreSpec(base, count, width, height, steps, base.seed() == null ? 0 : base.seed());
        return ask("gen " + count + " " + width + "x" + height + " " + steps, () -> client.estimate(spec).cost());
    }

    @Override public long refine(int width, int height, Integer steps, double strength) {
        // A refine resends the winner's request for one image at the template's size and steps, the winner as init image.
        PromptSpec winner = StudioPortraitOps.exploreSpec(base, 1, width, height, steps, base.seed() == null ? 0 : base.seed());
        PromptSpec spec = StudioPortraitOps.refineSpec(base, winner).withInit(new InitImage(null, null, "winner", strength));
        return ask("refine " + spec.width() + "x" + spec.height() + " " + spec.steps(), () -> client.estimate(spec).cost());
    }

    /** Canvas inpainting (an inpaint, or a composite's denoise pass) is priced as the one image it makes at that size. */
    @Override public long inpaint(int width, int height, Integer steps) {
        PromptSpec spec = base.toBuilder().init(null).size(width, height).numImages(1).steps(steps != null ? steps : base.steps()).build();
        return ask("inpaint " + width + "x" + height + " " + spec.steps(), () -> client.estimate(spec).cost());
    }

    @Override public int[] refined(int width, int height) {
        return StudioPortraitOps.refinedSize(base, width, height);
    }

    @Override public Long upscale(String mode, int width, int height) {
        if (isClassic(mode)) return null;
        if ("ultra".equals(mode)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("inputWidth", width);
            p.put("inputHeight", height);
            p.put("upscaleMultiplier", MULTIPLIER);
            return ask("ultra " + width + "x" + height, () -> client.estimate("UNIVERSAL_UPSCALER_ULTRA", p).cost());
        }
        int[] out = upscaled(mode, width, height);
        long megapixel = Math.max(1, ((long) out[0] * out[1] + 999_999) / 1_000_000);
        return ask("universal " + megapixel, () -> client.estimate("UNIVERSAL_UPSCALER", Map.of("megapixel", megapixel)).cost());
    }

    @Override public int[] upscaled(String mode, int width, int height) {
        double m = isClassic(mode) ? 2 : MULTIPLIER;
        return new int[]{(int) Math.floor(width * m + 0.5), (int) Math.floor(height * m + 0.5)};
    }

    private static boolean isClassic(String mode) {
        return "classic".equals(mode) || "basic".equals(mode);
    }

    private long ask(String key, java.util.function.LongSupplier call) {
        Long known = asked.get(key);
        if (known != null) return known;
        long cost = call.getAsLong();
        asked.put(key, cost);
        return cost;
    }
}
