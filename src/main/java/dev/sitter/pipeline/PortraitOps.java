package dev.sitter.pipeline;

import java.nio.file.Path;
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

    /**
     * Canvas inpainting on an earlier image: the white part of {@code mask} (a PNG of the image's size,
     * already checked) is painted again at init strength {@code strength}; {@code prompt} is the patch's
     * prompt, or null for the image's own.
     */
    default Produced inpaint(String opKey, Produced source, Path mask, String prompt, double strength) {
        throw new PipelineException("these generation ops cannot inpaint. Fix: run the pipeline through Sitter's Studio"
                + " (sitter run, or run 'pipeline' in the console).");
    }

    /**
     * Pastes the white part of {@code mask} from the verified image {@code from} onto an earlier image
     * (feathered by {@code feather} pixels), then blends it with a light denoise pass of strength {@code denoise}.
     */
    default Produced composite(String opKey, Produced source, String from, Path mask, int feather, double denoise) {
        throw new PipelineException("these generation ops cannot composite. Fix: run the pipeline through Sitter's Studio"
                + " (sitter run, or run 'pipeline' in the console).");
    }

    /** Leonardo's background removal on an earlier image: the same picture with a transparent background. */
    default Produced removeBackground(String opKey, Produced source) {
        throw new PipelineException("these generation ops cannot remove backgrounds. Fix: run the pipeline through Sitter's Studio"
                + " (sitter run, or run 'pipeline' in the console).");
    }

    /**
     * Checks, before anything is paid, that {@code from} ({@code 'master'} or an asset id) names an image
     * a composite may take its patch from: one that exists and did not fail QA. Throws a
     * {@link PipelineException} saying why not.
     */
    default void checkPatchSource(String from) {}

    /**
     * A graded image (local and free): the ops may record it with its lineage and LUT. By default it
     * stays in the run folder only, named by its bytes.
     *
     * @param lut      the LUT as the script names it
     * @param lutFile  where it was read
     * @param lutBytes the LUT's bytes that graded {@code png} (read once: hash and keep these, not the file again)
     */
    default Produced graded(Produced source, byte[] png, String lut, Path lutFile, byte[] lutBytes) {
        return new Produced("graded-" + dev.sitter.util.Sha256.hex(png).substring(0, 24), png);
    }

    /**
     * The size {@link #generate} makes when asked for this size, or null when the ops cannot promise it;
     * with {@link #refinedSize} it lets masks be checked before anything is paid.
     */
    default int[] generatedSize(int width, int height) {
        return null;
    }

    /**
     * The size a refine makes from an image of this size (e.g. the template's), or null when the ops
     * cannot tell before running it; lets masks be checked against it before anything is paid.
     */
    default int[] refinedSize(int width, int height) {
        return null;
    }

    /**
     * Records a QA verdict in the image's library record (so {@code sitter ls --qa} and {@code show}
     * see it). {@code score} is the drift score when there is one; {@code note} says how the verdict
     * was reached. Called once per image and check (the runner journals it); by default nothing is kept
     * beyond the run's journal.
     */
    default void recordQa(String id, String check, boolean passed, Double score, String note) {}

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
