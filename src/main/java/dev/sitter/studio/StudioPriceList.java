package dev.sitter.studio;

import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.model.InitImage;
import dev.sitter.model.Provenance;
import dev.sitter.model.PromptSpec;
import dev.sitter.pipeline.PriceList;

import java.util.HashMap;
import java.util.Map;

/**
 * Prices a pipeline's ops with Leonardo's pricing calculator ({@code POST /pricing-calculator}, free),
 * building the same requests {@link StudioPortraitOps} sends. Equal questions are asked once.
 * Upscales are priced by {@link UpscalePrice}, as the standalone command is (the classic upscaler,
 * which has no calculator service, at its fixed charge).
 */
final class StudioPriceList implements PriceList {

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

    /**
     * A background removal: the calculator has no service for it, so the figure the standalone
     * command is budgeted with (the sandbox's charge, docs/sandbox.md); the ledger keeps what was charged.
     */
    @Override public Long removeBackground(int width, int height) {
        return LeonardoStudio.NOBG_CREDITS;
    }

    /** The upscale the pipeline sends ({@code upscale x, mode: MODE}), priced by {@link UpscalePrice} as the command is. */
    @Override public Long upscale(String mode, int width, int height) {
        Provenance.Operation op = operation(mode);
        return ask("upscale " + op.endpoint() + " " + op.params() + " " + width + "x" + height,
                () -> UpscalePrice.of(client, op, width, height));
    }

    @Override public int[] upscaled(String mode, int width, int height) {
        return UpscalePrice.size(operation(mode), width, height);
    }

    /** The operation {@link StudioPortraitOps#upscale} sends for {@code mode}. */
    private static Provenance.Operation operation(String mode) {
        return VariationOps.upscale(mode == null ? Map.of() : Map.of("mode", mode));
    }

    private long ask(String key, java.util.function.LongSupplier call) {
        Long known = asked.get(key);
        if (known != null) return known;
        long cost = call.getAsLong();
        asked.put(key, cost);
        return cost;
    }
}
