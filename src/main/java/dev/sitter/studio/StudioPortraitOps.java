package dev.sitter.studio;

import dev.sitter.library.Library;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.pipeline.PipelineException;
import dev.sitter.pipeline.PortraitOps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Leonardo (and the sandbox) make exactly the requested width and height. */
    @Override public int[] generatedSize(int width, int height) {
        return new int[]{width, height};
    }

    @Override public int[] refinedSize(int width, int height) {
        return refinedSize(base, width, height);
    }

    @Override public Produced removeBackground(String opKey, Produced source) {
        return produced(studio.removeBackground(asset(source.id())));
    }

    @Override public Produced upscale(String opKey, Produced source, String mode) {
        return produced(studio.upscale(asset(source.id()), mode == null ? Map.of() : Map.of("mode", mode)));
    }

    /** Canvas inpainting of a winner at its own size; the record is an {@code inpaint} step with the winner as parent. */
    @Override public Produced inpaint(String opKey, Produced source, Path mask, String prompt, double strength) {
        Asset parent = asset(source.id());
        int[] wh = size(source);
        PromptSpec spec = LeonardoStudio.canvasSpec(parent.spec(), prompt, wh[0], wh[1], "inpaint");
        Object made = studio.inpaint(parent, mask, spec, strength);
        return produced(made instanceof Asset a ? a : (Asset) ((List<?>) made).get(0));
    }

    @Override public Produced composite(String opKey, Produced source, String from, Path mask, int feather, double denoise) {
        return produced(studio.composite(asset(source.id()), patchSource(from), mask, denoise, feather, null));
    }

    @Override public void checkPatchSource(String from) {
        patchSource(from);
    }

    /** {@code 'master'}: the run's character's master; anything else an asset id. Errors become the pipeline's. */
    private Asset patchSource(String from) {
        try {
            if ("master".equals(from)) {
                String character = base.recipe().characterId();
                if (character == null) throw new PipelineException("from: 'master' needs the run's character, and this run has none");
                return studio.patchSource(studio.master(character));
            }
            return studio.patchSource(from);
        } catch (dev.sitter.dsl.DslException e) {
            throw new PipelineException(e.getMessage() + ".");
        }
    }

    /**
     * A graded image becomes a library asset: step {@code grade}, the ungraded image as parent, the LUT named with
     * the SHA-256 of the very bytes that graded it, no cost. An absolute LUT name is recorded as
     * {@link LeonardoStudio#recordedPath} gives it, so no user folder reaches the record.
     */
    @Override public Produced graded(Produced source, byte[] png, String lut, Path lutFile, byte[] lutBytes) {
        String name = Path.of(lut).isAbsolute() ? studio.recordedPath(lutFile) : lut;
        Provenance.Edit edit = Provenance.Edit.grade(name, studio.recordedPath(lutFile), studio.keepInput(lutBytes));
        return produced(studio.recordLocal("grade", asset(source.id()), png, edit));
    }

    /** The verdict joins the asset's record, replacing an earlier one of the same check (so a repeat cannot duplicate it). */
    @Override public void recordQa(String id, String check, boolean passed, Double score, String note) {
        try {
            library.addQa(id, new Provenance.QaResult(check, passed ? "pass" : "fail", score, note,
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        } catch (IOException | dev.sitter.library.LibraryException e) {
            throw new PipelineException("cannot record the QA verdict '" + check + "' on asset " + id.substring(0, Math.min(12, id.length()))
                    + " in the library: " + e.getMessage() + ". Fix: run `sitter verify`, then run again (finished steps are kept).", e);
        }
    }

    private static int[] size(Produced p) {
        java.awt.image.BufferedImage img = dev.sitter.imaging.Images.decode(p.bytes(), p.id());
        return new int[]{img.getWidth(), img.getHeight()};
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
