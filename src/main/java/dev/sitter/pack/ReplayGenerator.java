package dev.sitter.pack;

import java.nio.file.Path;
import java.util.List;

/**
 * The hook {@code pack replay} uses to make images: given one step of a {@link ReplayPlan} (and
 * the bytes of its parent, for image-to-image steps), returns every image the request made, exactly
 * as the backend served them (a request with {@code numImages} 4 returns 4). Reference and init
 * paths in {@code step.spec()} are relative to {@code packDir}. The CLI wires Sitter's Leonardo
 * client (the sandbox when offline) here; tests pass their own.
 *
 * <p>{@link PackReplayer} calls it once per distinct request, so assets that came from the same
 * generation cost one request, not one each.
 */
@FunctionalInterface
public interface ReplayGenerator {
    List<byte[]> generate(ReplayPlan.Step step, Path packDir, byte[] parentImage) throws Exception;
}
