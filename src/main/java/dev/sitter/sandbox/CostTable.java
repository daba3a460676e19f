package dev.sitter.sandbox;

import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's one cost table (documented in docs/sandbox.md). Both {@code POST /pricing-calculator}
 * and the charges on every create come from these functions, so an estimate made with the same
 * parameters always equals the charge. Figures are in the magnitude of Leonardo's published
 * estimates but are the sandbox's own: they are for testing budgets, not for predicting bills.
 */
public final class CostTable {
    public static final long UPSCALE = 15;
    public static final long UNZOOM = 15;
    public static final long NOBG = 5;
    public static final long PROMPT_IMPROVE = 4;
    public static final long PROMPT_RANDOM = 4;
    /** Charged per controlnet (reference image) on a v1 generation; what to pass as controlnetsCost. */
    public static final long PER_CONTROLNET = 2;
    private static final Map<String, Long> V2_PER_IMAGE = Map.of(
            "flux-pro-2.0", 20L, "seedream-4.0", 15L, "gpt-image-1.5", 30L, "gemini-image-2", 40L,
            "ideogram-v3.0", 20L, "aurora-upscaler-precise", 30L, "aurora-upscaler-creative", 30L);
    private static final long V2_DEFAULT_PER_IMAGE = 20;

    private CostTable() {}

    /** The IMAGE_GENERATION service parameters, named as in the pricing calculator. */
    public record ImageGeneration(int imageWidth, int imageHeight, int numImages, int inferenceSteps, boolean alchemyMode,
                                  boolean photoRealMode, boolean promptMagic, boolean highResolution, int loraCount,
                                  boolean isModelCustom, long controlnetsCost, boolean isPhoenix, boolean isSDXLLightning,
                                  boolean isUltra, boolean isFluxSchnell, boolean isFluxDev, boolean isFluxKontext) {}

    /**
     * tiles = ceil(width x height / 512^2); per tile 2 credits, +2 with Alchemy, +2 with PhotoReal,
     * +1 for Phoenix / Flux Dev / Flux Kontext, -1 for Lightning XL / Flux Schnell (never below 1),
     * doubled in Ultra mode; per image +1 over 30 steps, +1 Prompt Magic, +1 high resolution,
     * +1 custom model; per request +1 per element (LoRA) plus controlnetsCost.
     */
    public static long imageGeneration(ImageGeneration p) {
        long tiles = ceilDiv((long) p.imageWidth() * p.imageHeight(), 512L * 512L);
        long unit = 2;
        if (p.alchemyMode()) unit += 2;
        if (p.photoRealMode()) unit += 2;
        if (p.isPhoenix() || p.isFluxDev() || p.isFluxKontext()) unit += 1;
        if (p.isSDXLLightning() || p.isFluxSchnell()) unit = Math.max(1, unit - 1);
        if (p.isUltra()) unit *= 2;
        long perImage = tiles * unit;
        if (p.inferenceSteps() > 30) perImage += 1;
        if (p.promptMagic()) perImage += 1;
        if (p.highResolution()) perImage += 1;
        if (p.isModelCustom()) perImage += 1;
        return Math.max(1, p.numImages()) * perImage + Math.max(0, p.loraCount()) + Math.max(0, p.controlnetsCost());
    }

    /** Universal upscaler (standard styles): 10 credits per started output megapixel. */
    public static long universalUpscaler(long megapixel) {
        return 10 * Math.max(1, megapixel);
    }

    /** Output megapixels as the calculator wants them: ceil(w x h / 1,000,000). */
    public static long megapixels(long width, long height) {
        return ceilDiv(width * height, 1_000_000L);
    }

    /** Universal upscaler with ultraUpscaleStyle: 10 credits per started output megapixel, plus 10. */
    public static long universalUpscalerUltra(int inputWidth, int inputHeight, double multiplier) {
        long w = (long) Math.floor(inputWidth * multiplier + 0.5), h = (long) Math.floor(inputHeight * multiplier + 0.5);
        return 10 + 10 * Math.max(1, megapixels(w, h));
    }

    /** v2 models: a fixed price per image by model slug (the calculator has no v2 service). */
    public static long v2(String model, int quantity) {
        return V2_PER_IMAGE.getOrDefault(model.toLowerCase(Locale.ROOT), V2_DEFAULT_PER_IMAGE) * Math.max(1, quantity);
    }

    public static long motion() { return 45; }
    public static long motionVideo(String resolution) { return "RESOLUTION_720".equals(resolution) ? 75 : 45; }
    public static long veo3() { return 250; }
    public static long lcm(int width, int height, boolean refine, boolean instantRefine) {
        return 1 + (refine ? 4 : 0) + (instantRefine ? 2 : 0) + (width * height > 640 * 640 ? 1 : 0);
    }
    public static long modelTraining(int resolution, Integer datasetImageCount) {
        long base = resolution >= 1024 ? 2000 : (resolution >= 768 ? 1500 : 750);
        return datasetImageCount == null ? base : base + 10L * datasetImageCount;
    }
    public static long texture(boolean preview) { return preview ? 30 : 150; }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
