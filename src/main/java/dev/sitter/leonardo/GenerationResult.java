package dev.sitter.leonardo;

import java.util.List;

/**
 * A finished generation: Leonardo's generation id, every image with its bytes, the seed Leonardo
 * reports (what to replay), the cost from the create response, the model, and timing.
 *
 * @param generationId Leonardo's generation id
 * @param images       the images in Leonardo's order
 * @param seed         the seed Leonardo used (it picks one when none was sent), or null if not reported
 * @param cost         the cost reported on create, or null (e.g. the create's answer was lost and the
 *                     job was found again through the history)
 * @param modelId      the model id Leonardo reports, or the one sent
 * @param reconciled   true when the create's answer was lost and the job was identified in the history
 * @param timing       when it was sent, finished, downloaded
 */
public record GenerationResult(String generationId, List<GeneratedImage> images, Long seed, Cost cost,
                               String modelId, boolean reconciled, Timing timing) {
    public GenerationResult {
        images = List.copyOf(images);
    }

    /** True when every image's bytes are here. */
    public boolean complete() { return images.stream().allMatch(GeneratedImage::downloaded); }
}
