package dev.sitter.pack;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code pack replay} regenerates, in an order where every parent comes before the assets
 * made from it. Built from the pack's provenance records (the authoritative requests) and
 * cross-checked against what the pack's scripts compile to.
 *
 * @param packDir   the imported pack's folder; every reference/init path in the specs resolves here
 * @param steps     the assets to regenerate
 * @param warnings  records the scripts do not reproduce, and other things the user should know
 */
public record ReplayPlan(Path packDir, List<Step> steps, List<String> warnings) {
    public ReplayPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * One asset to regenerate.
     *
     * @param assetId        the expected SHA-256 of the regenerated image bytes (as the backend serves them)
     * @param step           lineage step from the record: generate, refine, upscale, ...
     * @param parentId       the asset this one was made from (regenerated earlier in the plan), or null
     * @param spec           the exact request, with reference paths rewritten to files inside the pack
     * @param seedReturned   the seed the backend reported, or null
     * @param scriptsAgree   true when compiling the pack's scripts gives the same request
     * @param operation      how an upscale, nobg or inpaint ran on its parent, as recorded (null for
     *                       a generation, a refine, or a record older than schema 2)
     * @param edit           what a local edit used (composite's patch source and mask, grade's LUT), as
     *                       recorded, or null
     * @param inputs         where this replay reads the files the record names by SHA-256 (an inpaint's or
     *                       composite's mask, a grade's LUT): a path inside the pack, or an absolute path
     *                       into the library's inputs/ for {@code sitter replay}. Never a path a record
     *                       spells out: a stranger's record must not make replay read the user's files.
     */
    public record Step(String assetId, String step, String parentId, PromptSpec spec, Long seedReturned,
                       boolean scriptsAgree, Provenance.Operation operation, Provenance.Edit edit, Map<String, String> inputs) {
        public Step {
            inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        }

        /** A step with no recorded operation or edit. */
        public Step(String assetId, String step, String parentId, PromptSpec spec, Long seedReturned, boolean scriptsAgree) {
            this(assetId, step, parentId, spec, seedReturned, scriptsAgree, null, null, Map.of());
        }
    }
}
