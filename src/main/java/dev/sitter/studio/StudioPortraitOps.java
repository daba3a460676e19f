package dev.sitter.studio;

import dev.sitter.library.Library;
import dev.sitter.model.PromptSpec;
import dev.sitter.pipeline.PortraitOps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline runner's paid operations on the real Studio: every image a pipeline makes is a
 * library asset with its full lineage (explore -> refine -> upscale), and each op goes through the
 * Studio's journal, so a killed run that is started again collects rather than pays twice.
 */
final class StudioPortraitOps implements PortraitOps {
    private final LeonardoStudio studio;
    private final Library library;
    private final PromptSpec base;
    private final Map<String, Asset> made = new ConcurrentHashMap<>(); // the ops of one step run at once

    StudioPortraitOps(LeonardoStudio studio, Library library, PromptSpec base) {
        this.studio = studio;
        this.library = library;
        this.base = base;
    }

    @Override public List<Produced> generate(String opKey, int count, int width, int height, Integer steps, long seed) {
        return studio.generate(exploreSpec(base, count, width, height, steps, seed), "explore").stream().map(this::produced).toList();
    }

    /** The explore request: the run's request at the step's size, count, steps and seed (shared with the estimate). */
    static PromptSpec exploreSpec(PromptSpec base, int count, int width, int height, Integer steps, long seed) {
        return base.toBuilder().size(width, height).numImages(count).seed(seed)
                .steps(steps != null ? steps : base.steps()).build();
    }

    /**
     * Refines a winner at the template's size and steps: explore is the cheap low-resolution pass, so
     * the refine (image-to-image from the winner, references still active) makes the full-size image.
     */
    @Override public Produced refine(String opKey, Produced source, double strength) {
        Asset winner = asset(source.id());
        return produced(studio.refine(winner, refineSpec(base, winner.spec()), strength));
    }

    /** The winner's own request (its seed) at the template's size and steps, for one image (shared with the estimate). */
    static PromptSpec refineSpec(PromptSpec base, PromptSpec winner) {
        PromptSpec.Builder b = winner.toBuilder().init(null).numImages(1).steps(base.steps());
        if (base.width() != null && base.height() != null) b.size(base.width(), base.height());
        return b.build();
    }

    /** The size a refine makes from a winner of this size: the template's, or the winner's when the template sets none. */
    static int[] refinedSize(PromptSpec base, int width, int height) {
        return base.width() != null && base.height() != null ? new int[]{base.width(), base.height()} : new int[]{width, height};
    }

    @Override public Produced upscale(String opKey, Produced source, String mode) {
        return produced(studio.upscale(asset(source.id()), mode == null ? Map.of() : Map.of("mode", mode)));
    }

    private Produced produced(Asset a) {
        made.put(a.id(), a);
        try {
            return new Produced(a.id(), Files.readAllBytes(a.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + a.path(), e);
        }
    }

    /** An asset this run made, or (after a restart) one an earlier process recorded in the library. */
    private Asset asset(String id) {
        Asset known = made.get(id);
        return known != null ? known : LeonardoStudio.fromLibrary(library, id);
    }
}
