package dev.sitter.pack;

import dev.sitter.model.PromptSpec;

import java.nio.file.Path;
import java.util.List;

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
     * @param edit           what a local edit used (composite's patch source and mask, grade's LUT), or null;
     *                       its files are repointed into the pack when the pack carries them
     */
    public record Step(String assetId, String step, String parentId, PromptSpec spec, Long seedReturned,
                       boolean scriptsAgree, dev.sitter.model.Provenance.Edit edit) {
        /** A step of an image made wholly by the backend (no local edit). */
        public Step(String assetId, String step, String parentId, PromptSpec spec, Long seedReturned, boolean scriptsAgree) {
            this(assetId, step, parentId, spec, seedReturned, scriptsAgree, null);
        }
    }
}
