package dev.sitter.pipeline;

import java.util.List;

/**
 * The paid generation operations a pipeline needs, seen from the runner: the lead wires it to the
 * Leonardo client and library (live or sandbox); tests use a fake. The runner never talks to the
 * network itself.
 *
 * <p>Every call carries an {@code opKey}, stable across restarts of the same run (e.g.
 * {@code "run-42/s2-refine/3f9a0c1d"}). The runner calls an op again after a crash only when it has
 * no journaled result for that key; an implementation that journals its paid requests can use the
 * key to reconcile an interrupted call instead of paying twice.
 */
public interface PortraitOps {
    /** Text-to-image for the run's character and template: {@code count} images at the given size and steps (null = model default). */
    List<Produced> generate(String opKey, int count, int width, int height, Integer steps, long seed);

    /** Image-to-image on an earlier image, the character and style references still active. */
    Produced refine(String opKey, Produced source, double strength);

    /** Upscale an earlier image ({@code mode}: e.g. "ultra", "universal", or null for the default). */
    Produced upscale(String opKey, Produced source, String mode);

    /** One image an op returned: its id (asset id or Leonardo image id) and its encoded bytes (PNG or JPEG). */
    record Produced(String id, byte[] bytes) {
        public Produced {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a produced image needs an id");
            }
            if (bytes == null || bytes.length == 0) {
                throw new IllegalArgumentException("image " + id + " came back empty");
            }
        }
    }
}
