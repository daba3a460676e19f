package dev.sitter.studio;

import dev.sitter.library.Library;
import dev.sitter.model.PromptSpec;
import dev.sitter.pack.PackException;
import dev.sitter.pack.ReplayGenerator;
import dev.sitter.pack.ReplayPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pack replay} through Sitter's own client: each image is recorded in the library like
 * {@code sitter run} does, and its original bytes are handed back for comparison. Steps made from
 * another image run on the <em>regenerated</em> parent (Leonardo ids differ per run, so the record's
 * ids cannot be reused): a refine sends the new parent's image id as init_generation_image_id (or its
 * file, for a variation parent) with the recorded strength; an upscale and a background removal run on
 * the new parent's id. The plan puts parents first, so the parent is always made before its children.
 */
final class StudioReplayGenerator implements ReplayGenerator {
    private final LeonardoStudio studio;
    private final Library library;
    /** Every asset regenerated so far, by id: children find their new parent here. */
    private final Map<String, Asset> made = new HashMap<>();

    StudioReplayGenerator(LeonardoStudio studio, Library library) {
        this.studio = studio;
        this.library = library;
    }

    @Override
    public List<byte[]> generate(ReplayPlan.Step step, Path packDir, byte[] parentImage) throws IOException {
        List<Asset> assets = step.parentId() == null ? studio.generate(step.spec()) : fromParent(step);
        List<byte[]> images = new ArrayList<>();
        for (Asset a : assets) {
            made.putIfAbsent(a.id(), a);
            images.add(Files.readAllBytes(library.objectPath(a.id())));
        }
        return images;
    }

    private List<Asset> fromParent(ReplayPlan.Step step) {
        Asset parent = made.get(step.parentId());
        if (parent == null) {
            throw new PackException("its parent " + step.parentId().substring(0, 12) + " was not regenerated identically, so this "
                    + step.step() + " cannot be replayed");
        }
        return switch (step.step()) {
            case "refine" -> {
                PromptSpec recorded = step.spec();
                if (recorded.init() == null) {
                    throw new PackException("its record has no init strength, so the refine cannot be repeated");
                }
                PromptSpec base = recorded.toBuilder().init(null).build();
                yield List.of(studio.refine(parent, base, recorded.init().strength()));
            }
            // The record does not say which upscaler ran; the DSL's default (the universal upscaler) is
            // what `upscale x` uses. Another mode shows up as DIFFERENT, not as a wrong match.
            case "upscale" -> List.of(studio.upscale(parent, Map.of()));
            case "nobg" -> List.of(studio.removeBackground(parent));
            default -> throw new PackException("replaying a '" + step.step() + "' step is not supported yet (only generate,"
                    + " refine, upscale and background removal are)");
        };
    }
}
