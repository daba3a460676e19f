package dev.sitter.prompt;

import java.util.List;

/**
 * What a model family's endpoint accepts. Null means "not known / not checked".
 *
 * @param minSide          smallest width or height
 * @param maxSide          largest width or height
 * @param sideMultiple     width and height must be a multiple of this (1 = any)
 * @param sizes            if non-empty, the only accepted WIDTHxHEIGHT sizes
 * @param maxImages        most images per request
 * @param maxImagesLarge   most images per request when width or height exceeds {@code largeSide}
 * @param largeSide        see {@code maxImagesLarge}
 * @param promptMax        longest prompt in characters
 * @param seedMax          largest seed
 * @param minInitStrength  smallest init_strength (image-to-image)
 * @param maxInitStrength  largest init_strength
 * @param minSteps         fewest num_inference_steps
 * @param maxSteps         most num_inference_steps
 * @param minGuidance      smallest guidance_scale
 * @param maxGuidance      largest guidance_scale
 * @param maxReferences    most reference images (v2 guidances.image_reference)
 * @param contrastValues   accepted values of {@code contrast}, if restricted
 * @param negativePrompt   whether the endpoint takes a negative prompt
 * @param presetStyle      whether the endpoint takes presetStyle
 * @param alchemy          whether the model accepts alchemy
 * @param steps            whether the endpoint takes num_inference_steps
 * @param guidance         whether the endpoint takes guidance_scale
 */
public record Limits(Integer minSide, Integer maxSide, Integer sideMultiple, List<String> sizes,
                     Integer maxImages, Integer maxImagesLarge, Integer largeSide, Integer promptMax, Long seedMax,
                     Double minInitStrength, Double maxInitStrength, Integer minSteps, Integer maxSteps,
                     Double minGuidance, Double maxGuidance, Integer maxReferences, List<Double> contrastValues,
                     boolean negativePrompt, boolean presetStyle, boolean alchemy, boolean steps, boolean guidance) {
    public Limits {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        contrastValues = contrastValues == null ? List.of() : List.copyOf(contrastValues);
    }
}
