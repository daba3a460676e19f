package dev.sitter.pipeline;

/**
 * What each paid op of a pipeline costs, as the pricing calculator says: the estimate asks it,
 * the runner never does. Implementations price exactly the request the op would send.
 */
public interface PriceList {
    /** Text-to-image: {@code count} images of the run's character and template at this size and steps (null = default). */
    long generate(int count, int width, int height, Integer steps);

    /** Image-to-image on one image of this size and explore steps (one image out, at {@link #refined}'s size). */
    long refine(int width, int height, Integer steps, double strength);

    /** The size of a refine's output from an image of this size (the template's size when it sets one). */
    int[] refined(int width, int height);

    /**
     * Upscaling one image of this size in {@code mode} (null = the default universal upscaler).
     *
     * @return the credits, or null when the calculator has no service for this mode
     */
    Long upscale(String mode, int width, int height);

    /** The output size of that upscale, {w, h}. */
    int[] upscaled(String mode, int width, int height);

    /** Background removal of one image of this size, or null when it cannot be priced. */
    default Long removeBackground(int width, int height) {
        return null;
    }

    /** Canvas inpainting of one image of this size (an inpaint step, or a composite's denoise pass); {@code steps} null = default. */
    default long inpaint(int width, int height, Integer steps) {
        throw new UnsupportedOperationException("this price list cannot price inpainting");
    }
}
