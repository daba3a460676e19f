package dev.sitter.sandbox;

import java.util.List;

/**
 * A validated create request (v1 or v2), normalised to what the sandbox needs to run, charge and
 * report it. Null means "not sent".
 */
record GenerationRequest(
        boolean v2, String model, String prompt, String negativePrompt, String modelId, String sdVersion,
        String presetStyle, String scheduler, int width, int height, int numImages, Integer steps, Double guidance,
        Long seed, boolean alchemy, boolean photoReal, Double photoRealStrength, boolean promptMagic,
        Double promptMagicStrength, String promptMagicVersion, boolean highResolution, boolean ultra, boolean isPublic,
        String initImageId, String initGenerationImageId, Double initStrength, String canvasInitId, String canvasMaskId,
        String canvasRequestType, String transparency, List<Reference> references, int loraCount) {

    static final String PHOENIX_1 = "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3";
    static final String PHOENIX_09 = "6b645e3a-d64f-4341-a6d8-7a3690fbf042";
    static final String LIGHTNING_XL = "b24e16ff-06e3-43eb-8d33-4416c2d75876";
    static final String FLUX_DEV = "b2614463-296c-462a-9586-aafdb8f00e36";
    static final String FLUX_SCHNELL = "1dd50843-d653-4516-a8e3-f0238ee453ff";
    static final String FLUX_KONTEXT = "28aeddf8-bd19-4803-80fc-79602d1a9989";

    boolean isPhoenix() {
        return PHOENIX_1.equals(modelId) || PHOENIX_09.equals(modelId);
    }

    /** The pricing-calculator parameters that describe this request; the charge is computed from exactly these. */
    CostTable.ImageGeneration pricing() {
        long controlnets = CostTable.PER_CONTROLNET * references.size();
        return new CostTable.ImageGeneration(width, height, numImages, steps == null ? 15 : steps, alchemy, photoReal,
                promptMagic, highResolution, loraCount, modelId != null && !PlatformModels.isPlatform(modelId), controlnets,
                isPhoenix() || "PHOENIX".equals(sdVersion), LIGHTNING_XL.equals(modelId), ultra, FLUX_SCHNELL.equals(modelId),
                FLUX_DEV.equals(modelId), FLUX_KONTEXT.equals(modelId));
    }

    long cost() {
        return v2 ? CostTable.v2(model, numImages) : CostTable.imageGeneration(pricing());
    }

    /** sdVersion reported back by GET; the field is a non-null enum in the spec. */
    String reportedSdVersion() {
        if (sdVersion != null) return sdVersion;
        if (isPhoenix()) return "PHOENIX";
        if (LIGHTNING_XL.equals(modelId)) return "SDXL_LIGHTNING";
        if (FLUX_DEV.equals(modelId)) return "FLUX_DEV";
        if (FLUX_SCHNELL.equals(modelId) || FLUX_KONTEXT.equals(modelId)) return "FLUX";
        return "SDXL_1_0";
    }
}
