package dev.sitter.pack;

/**
 * The hook {@code pack replay} uses to make images: given one step of a {@link ReplayPlan} (and
 * the bytes of its parent, for image-to-image steps), returns the image bytes exactly as the
 * backend served them. The CLI wires Sitter's Leonardo client (the sandbox when offline) here;
 * tests pass their own.
 */
@FunctionalInterface
public interface ReplayGenerator {
    byte[] generate(ReplayPlan.Step step, java.nio.file.Path packDir, byte[] parentImage) throws Exception;
}
