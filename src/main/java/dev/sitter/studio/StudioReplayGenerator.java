package dev.sitter.studio;

import dev.sitter.library.Library;
import dev.sitter.imaging.CubeParser;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.LutGrader;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.pack.PackException;
import dev.sitter.pack.PackPaths;
import dev.sitter.pack.ReplayGenerator;
import dev.sitter.pack.ReplayPlan;
import dev.sitter.pack.ReplayPlanner;
import dev.sitter.util.Sha256;

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
 * file, for a variation parent) with the recorded strength; an upscale and a background removal send the
 * recorded operation (endpoint and parameters) on the new parent's id; an inpaint sends the new parent's
 * bytes with the recorded mask and strength. The plan puts parents first, so the parent is always made
 * before its children.
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
        List<Asset> assets = step.parentId() == null ? studio.generate(step.spec(), generationStep(step)) : fromParent(step, packDir);
        List<byte[]> images = new ArrayList<>();
        for (Asset a : assets) {
            made.putIfAbsent(a.id(), a);
            images.add(Files.readAllBytes(library.objectPath(a.id())));
        }
        return images;
    }

    /** The regenerated record keeps the recorded step (a pipeline's explore stays explore for ledger --by step). */
    private static String generationStep(ReplayPlan.Step step) {
        return ReplayPlanner.EXPLORE.equals(step.step()) ? ReplayPlanner.EXPLORE : "generate";
    }

    /**
     * A composite again: the same patch source (regenerated in this replay, else the library's copy),
     * the same mask (by SHA-256), feather and denoise, and the recorded request.
     */
    private Asset composite(ReplayPlan.Step step, Asset parent, Path packDir) {
        Provenance.Edit edit = step.edit();
        if (edit == null || edit.from() == null || edit.maskSha256() == null || edit.denoise() == null) {
            throw new PackException("its record does not say which patch, mask and denoise made the composite, so it cannot be repeated");
        }
        if (!Library.isAssetId(edit.from())) {
            // A full id only: a prefix could pull pixels from any of the user's own portraits.
            throw new PackException("its record names the patch source '" + PackPaths.printable(edit.from())
                    + "', which is not a full asset id; the record was changed, so the composite cannot be repeated");
        }
        Asset source = made.get(edit.from());
        if (source == null) {
            try {
                source = LeonardoStudio.fromLibrary(library, library.resolve(edit.from()));
            } catch (RuntimeException e) {
                throw new PackException("its patch source " + edit.from().substring(0, 12) + " is neither in this replay nor in the library;"
                        + " import or regenerate that image first");
            }
        }
        Path mask = input(step, packDir, edit.maskSha256(), "mask " + edit.mask());
        return studio.composite(parent, source, mask, edit.denoise(), edit.feather() == null ? 0 : edit.feather(), step.spec());
    }

    /** A grade again: the recorded LUT (by SHA-256) on the regenerated parent; local and free. The record keeps the edit as it was. */
    private Asset grade(ReplayPlan.Step step, Asset parent, Path packDir) throws IOException {
        Provenance.Edit edit = step.edit();
        if (edit == null || edit.lutSha256() == null) {
            throw new PackException("its record does not name the LUT that graded it, so the grade cannot be repeated");
        }
        Path lutFile = input(step, packDir, edit.lutSha256(), "LUT " + edit.lut());
        try {
            byte[] lut = CubeParser.readBytes(lutFile); // read once: the bytes applied are the bytes kept
            byte[] png = Images.pngBytes(LutGrader.apply(CubeParser.parse(lutFile, lut), Images.decode(
                    Files.readAllBytes(library.objectPath(parent.id())), "image " + parent.shortId())));
            studio.keepInput(lut); // this library keeps the LUT too, so its own verify and replay find it
            return studio.recordLocal("grade", parent, png, edit);
        } catch (dev.sitter.imaging.ImagingException e) {
            throw new PackException(e.getMessage());
        }
    }

    /**
     * The file holding the input a record names by SHA-256, as the plan located it (inside the pack, or
     * the library's inputs/), checked against that hash; when it is gone or changed, the library's kept
     * copy of that hash. Refused when neither is there.
     */
    private Path input(ReplayPlan.Step step, Path packDir, String sha256, String what) {
        if (!Library.isAssetId(sha256)) {
            throw new PackException("its record names its " + PackPaths.printable(what) + " without a valid SHA-256, so it cannot be repeated");
        }
        String located = step.inputs().get(sha256);
        Path p = located == null ? null
                : Path.of(located).isAbsolute() ? Path.of(located) : PackPaths.resolveInside(packDir, located);
        if (p != null && Files.isRegularFile(p) && Sha256.file(p).equals(sha256)) return p;
        Path kept = library.inputPath(sha256);
        if (Files.isRegularFile(kept) && Sha256.file(kept).equals(sha256)) return kept;
        if (p == null) {
            throw new PackException("its " + PackPaths.printable(what) + " (SHA-256 " + sha256.substring(0, 12) + ") is not in the pack;"
                    + " ask its author to export the pack again with this Sitter, which ships masks and LUTs");
        }
        throw new PackException("its " + PackPaths.printable(what) + " " + p + " is missing or changed (its SHA-256 should be "
                + sha256.substring(0, 12) + "); delete the imported pack and import it again");
    }

    private List<Asset> fromParent(ReplayPlan.Step step, Path packDir) throws IOException {
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
            // Records before schema 2 do not say which upscaler ran: those get the DSL's default (the
            // universal upscaler), and another mode shows up as DIFFERENT, not as a wrong match.
            case "upscale" -> List.of(studio.vary("upscale", parent,
                    step.operation() != null ? step.operation() : VariationOps.upscale(Map.of())));
            case "nobg" -> List.of(studio.vary("nobg", parent,
                    step.operation() != null ? step.operation() : VariationOps.removeBackground()));
            case "inpaint" -> inpaint(step, parent, packDir);
            case "composite" -> List.of(composite(step, parent, packDir));
            case "grade" -> List.of(grade(step, parent, packDir));
            default -> throw new PackException("replaying a '" + step.step() + "' step is not supported yet (only generate,"
                    + " refine, inpaint, composite, upscale, background removal and grade are)");
        };
    }

    /** The recorded inpaint again: the same request, strength and mask (read from the pack and checked against its hash). */
    private List<Asset> inpaint(ReplayPlan.Step step, Asset parent, Path packDir) {
        Provenance.Operation op = step.operation();
        if (op == null || op.mask() == null) {
            throw new PackException("its record does not keep the inpaint's mask (it predates schema sitter.provenance/2), so the"
                    + " inpaint cannot be repeated; record it again with this Sitter");
        }
        Object strength = op.params().get("init_strength");
        if (!(strength instanceof Number s)) {
            throw new PackException("its record gives the inpaint no init_strength, so it cannot be repeated; the record was changed");
        }
        byte[] mask = mask(step, op.mask(), packDir);
        return studio.inpaint(parent, mask, op.mask().path(), step.spec(), s.doubleValue());
    }

    private static byte[] mask(ReplayPlan.Step step, Provenance.Mask mask, Path packDir) {
        String sha = mask.sha256() == null ? "" : mask.sha256();
        String located = step.inputs().get(sha);
        if (located == null) {
            throw new PackException("its inpaint mask " + mask.path() + " (SHA-256 " + sha.substring(0, Math.min(12, sha.length()))
                    + ") is not in the pack; ask its author to export the pack again with this Sitter, which ships masks");
        }
        Path file = Path.of(located).isAbsolute() ? Path.of(located) : PackPaths.resolveInside(packDir, located);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackException("the inpaint mask " + file + " is missing or unreadable (" + e.getClass().getSimpleName()
                    + "); the imported pack was changed after import: delete " + packDir + " and import the pack again");
        }
        if (!Sha256.hex(bytes).equals(sha)) {
            throw new PackException("the inpaint mask " + file + " does not match the SHA-256 its record and pack.json give"
                    + " (it was changed after import); delete " + packDir + " and import the pack again");
        }
        return bytes;
    }
}
