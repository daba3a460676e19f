package dev.sitter.studio;

import dev.sitter.library.Library;
import dev.sitter.library.LibraryException;
import dev.sitter.model.Provenance;
import dev.sitter.pack.PackException;
import dev.sitter.pack.ReplayPlan;
import dev.sitter.util.Sha256;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code sitter replay ASSET}: rebuilds the asset's request from its record and sends it again, with
 * its whole lineage (an upscale needs its refine, which needs its explore: Leonardo ids differ per
 * run, so each parent is made again first). Upscales, background removals and inpaints send their
 * recorded operation again (an inpaint with the mask kept in the library's inputs/). Local edits
 * replay too: a grade applies its LUT again, a composite pastes the same patch (from the recorded
 * source asset, through the recorded mask, both checked by SHA-256) and repeats the denoise.
 * Against the sandbox the image comes back byte-identical.
 */
public final class AssetReplay {
    /** What a replay made: the new asset that stands for the original, and whether its bytes match. */
    public record Outcome(String originalId, String newId, boolean identical) {}

    private final LeonardoStudio studio;
    private final Library library;

    public AssetReplay(LeonardoStudio studio, Library library) {
        this.studio = studio;
        this.library = library;
    }

    public Outcome replay(String assetId) throws Exception {
        Deque<Provenance> chain = new ArrayDeque<>();
        for (Provenance p = library.get(assetId); p != null; p = p.parentId() == null ? null : library.get(p.parentId())) {
            chain.push(p); // root first
        }
        StudioReplayGenerator generator = new StudioReplayGenerator(studio, library);
        String newId = null;
        boolean identical = false;
        for (Provenance p : chain) {
            ReplayPlan.Step step = new ReplayPlan.Step(p.assetId(), p.step(), p.parentId(), p.toSpec(), p.seedReturned(), true,
                    p.operation(), maskFile(p), keptEdit(p));
            List<byte[]> images = generator.generate(step, Path.of(""), null);
            identical = false;
            newId = null;
            for (byte[] image : images) {
                String id = Sha256.hex(image);
                if (id.equals(p.assetId())) {
                    identical = true;
                    newId = id;
                }
            }
            if (newId == null && !images.isEmpty()) newId = Sha256.hex(images.get(0));
            if (!identical) break; // its children would start from a different picture

        }
        return new Outcome(assetId, newId, identical);
    }

    /**
     * A local edit with its mask and LUT read from the library's kept copies (checked by SHA-256), so
     * a replay does not depend on the user's files staying where and as they were.
     */
    private Provenance.Edit keptEdit(Provenance p) {
        Provenance.Edit e = p.edit();
        if (e == null) return null;
        return new Provenance.Edit(e.from(), kept(p, e.maskSha256(), e.mask(), "mask"), e.maskSha256(), e.feather(), e.denoise(),
                e.lut(), kept(p, e.lutSha256(), e.lutFile(), "LUT"), e.lutSha256());
    }

    private String kept(Provenance p, String sha256, String recorded, String what) {
        if (sha256 == null) return recorded;
        try {
            library.readInput(sha256);
        } catch (LibraryException ex) {
            throw new PackException("the " + p.step() + " " + p.assetId().substring(0, 12) + " cannot be replayed: its " + what
                    + " " + recorded + " is not kept in the library (" + ex.getMessage() + ")");
        }
        return library.inputPath(sha256).toString();
    }

    /** The library's kept copy of an inpaint's mask, checked before anything is sent. */
    private String maskFile(Provenance p) {
        Provenance.Mask mask = p.operation() == null ? null : p.operation().mask();
        if (mask == null || mask.sha256() == null) return null;
        try {
            library.readInput(mask.sha256());
        } catch (LibraryException e) {
            throw new PackException("the inpaint " + p.assetId().substring(0, 12) + " cannot be replayed: " + e.getMessage());
        }
        return library.inputPath(mask.sha256()).toString();
    }
}
