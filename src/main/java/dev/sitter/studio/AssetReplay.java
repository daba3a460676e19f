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
import java.util.Map;
import java.util.TreeMap;

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
                    p.operation(), p.edit(), keptInputs(p));
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
     * The library's kept copies (inputs/, by SHA-256) of every file the record names: an inpaint's or a
     * composite's mask, a grade's LUT. Checked before anything is sent, so a replay does not depend on
     * the user's files staying where and as they were. The record's own edit is passed on unchanged, so
     * a new record names the files as the original did (never by the library's absolute path).
     */
    private Map<String, String> keptInputs(Provenance p) {
        Map<String, String> out = new TreeMap<>();
        Provenance.Mask mask = p.operation() == null ? null : p.operation().mask();
        if (mask != null) kept(out, p, mask.sha256(), "inpaint mask " + mask.path());
        Provenance.Edit e = p.edit();
        if (e != null && e.maskSha256() != null) kept(out, p, e.maskSha256(), "mask " + e.mask());
        if (e != null && e.lutSha256() != null) kept(out, p, e.lutSha256(), "LUT " + e.lut());
        return out;
    }

    private void kept(Map<String, String> out, Provenance p, String sha256, String what) {
        try {
            library.readInput(sha256);
        } catch (LibraryException ex) {
            throw new PackException("the " + p.step() + " " + p.assetId().substring(0, 12) + " cannot be replayed: its " + what
                    + " is not kept in the library (" + ex.getMessage() + ")");
        }
        out.put(sha256, library.inputPath(sha256).toString());
    }
}
