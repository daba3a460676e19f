package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.imaging.Images;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.IndexEntry;
import dev.sitter.library.Library;
import dev.sitter.library.Query;
import dev.sitter.model.Provenance;
import dev.sitter.pipeline.PipelineEstimate;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import dev.sitter.util.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * inpaint and composite (pipeline steps and commands), graded images in the library, their replay,
 * budgets on every paid command and estimates of resumed runs, over the real Studio and a sandbox.
 */
class EditStepsE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    private static final int W = 512, H = 768;

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private Library library;
    private SitterShell shell;
    private Path eyes;

    @BeforeEach void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(5)).build());
        backend = Backend.over(sandbox);
        library = Library.open(dir.resolve("lib"));
        shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { }));
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        eyes = mask(dir.resolve("masks/eyes.png"), W, H);
        shell.eval(characters.substring(0, characters.indexOf("template('studio')")) + """
                template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
                pipeline('touchup') {
                    explore count: 2, size: '256x384', steps: 15
                    select top: 1
                    refine strength: 0.35
                    inpaint mask: '%1$s', prompt: '+ clear green eyes'
                    composite from: 'master', mask: '%1$s'
                    grade lut: 'luts/teal-orange.cube'
                }
                pipeline('graded') {
                    explore count: 2, size: '256x384', steps: 15
                    select top: 1
                    refine strength: 0.35
                    inpaint mask: '%1$s', strength: 0.6
                    composite from: 'master', mask: '%1$s', feather: 4
                    grade lut: 'luts/warm-film.cube'
                }
                pipeline('late') {
                    explore count: 2, size: '256x384', steps: 15
                    select top: 1
                    refine strength: 0.35
                    upscale mode: 'ultra'
                    composite from: 'master', mask: '%1$s'
                }
                pipeline('patch') {
                    explore count: 2, size: '256x384', steps: 15
                    select top: 1
                    refine strength: 0.35
                    composite from: 'master', mask: '%1$s'
                    upscale mode: 'ultra'
                }
                """.formatted(eyes), "defs");
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    /** White over the eyes' band of a portrait (the sandbox draws eyes around 40% of the height). */
    static Path mask(Path file, int w, int h) throws Exception {
        Files.createDirectories(file.getParent());
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean patch = x >= w * 3 / 10 && x < w * 7 / 10 && y >= h * 3 / 10 && y < h / 2;
                px[y * w + x] = patch ? 0xffffffff : 0xff000000;
            }
        }
        Images.writePng(Images.fromPixels(px, w, h), file);
        return file;
    }

    private long paidPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST")
                && (e.path().endsWith("/generations") || e.path().contains("/variations/"))).count();
    }

    private Asset masterOfMara() {
        shell.eval("def shots = generate mara, template: 'small', seed: 99, count: 1\nmaster mara, shots[0]", "input-master");
        return (Asset) shell.eval("master mara", "input-m");
    }

    private Provenance record(String id) {
        return library.get(id);
    }

    /** How many pixels differ, inside and (far) outside the mask's rectangle, with {@code margin} pixels of soft edge left out. */
    private static int[] changed(Path a, Path b, int margin) {
        BufferedImage x = Images.read(a), y = Images.read(b);
        assertEquals(x.getWidth(), y.getWidth());
        int[] px = Images.pixels(x), py = Images.pixels(y);
        int inside = 0, outside = 0;
        int w = x.getWidth(), h = x.getHeight();
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                boolean in = i >= w * 3 / 10 && i < w * 7 / 10 && j >= h * 3 / 10 && j < h / 2;
                boolean far = i < w * 3 / 10 - margin || i >= w * 7 / 10 + margin || j < h * 3 / 10 - margin || j >= h / 2 + margin;
                if (px[j * w + i] != py[j * w + i]) {
                    if (in) inside++;
                    else if (far) outside++;
                }
            }
        }
        return new int[]{inside, outside};
    }

    @Test void aPipelineInpaintsCompositesAndGradesWithFullLineageChangingOnlyInsideTheMask() throws Exception {
        Asset master = masterOfMara();
        Object outcome = shell.eval("run 'touchup', character: mara, template: 'small', seed: 4242", "input-1");
        System.out.println(outcome);
        String gradedId = ((PipelineOutcome) outcome).items().get(0).id();

        Provenance graded = record(gradedId);
        assertEquals("grade", graded.step());
        assertEquals(0, graded.cost().amount().signum(), "grading is free");
        assertEquals("luts/teal-orange.cube", graded.edit().lut());
        assertEquals(Sha256.file(Path.of("prompt-library/luts/teal-orange.cube")), graded.edit().lutSha256());

        Provenance composite = record(graded.parentId());
        assertEquals("composite", composite.step());
        assertEquals(master.id(), composite.edit().from());
        assertEquals(Sha256.file(eyes), composite.edit().maskSha256());
        assertEquals("eyes.png", composite.edit().mask(), "outside the script's and the working folder: only the name, no user folders");
        assertEquals(0.2, composite.edit().denoise());
        assertTrue(composite.cost().amount().signum() > 0, "the denoise pass is paid");

        Provenance inpaint = record(composite.parentId());
        assertEquals("inpaint", inpaint.step());
        assertTrue(inpaint.request().prompt().endsWith(", clear green eyes"), inpaint.request().prompt());
        Provenance refine = record(inpaint.parentId());
        assertEquals("refine", refine.step());
        assertEquals("explore", record(refine.parentId()).step());

        // the sandbox paints only inside the mask: outside it (and its soft edge) every pixel is the parent's
        int[] inpainted = changed(library.objectPath(refine.assetId()), library.objectPath(inpaint.assetId()), 0);
        assertTrue(inpainted[0] > 1000 && inpainted[1] == 0, "inpaint changed " + inpainted[0] + " inside, " + inpainted[1] + " outside");
        int[] composited = changed(library.objectPath(inpaint.assetId()), library.objectPath(composite.assetId()), 20);
        assertTrue(composited[0] > 1000 && composited[1] == 0, "composite changed " + composited[0] + " inside, " + composited[1] + " outside");

        // sitter ls --step grade, and the ledger by step
        List<IndexEntry> grades = library.find(Query.ALL.withStep("grade"));
        assertEquals(List.of(gradedId), grades.stream().map(IndexEntry::assetId).toList());
        assertTrue(Files.readString(library.ledger().file()).lines().anyMatch(l -> l.startsWith(gradedId) && l.contains(",grade,")),
                Files.readString(library.ledger().file()));
        assertTrue(library.verify().ok(), "the library verifies");
    }

    @Test void aCompositeAndAGradeReplayByteIdentical() throws Exception {
        masterOfMara();
        Object outcome = shell.eval("""
                def shot = generate(mara, template: 'small', seed: 7, count: 1)[0]
                composite shot, from: master(mara), mask: '%s', denoise: 0.3
                """.formatted(eyes), "input-1");
        Asset composite = (Asset) outcome;
        assertEquals("composite", composite.provenance().step());
        assertEquals(0.3, composite.provenance().edit().denoise());
        AssetReplay.Outcome replayed = new AssetReplay((LeonardoStudio) shell.studio(), library).replay(composite.id());
        assertTrue(replayed.identical(), "composite replays byte-identical: " + replayed);
        // the mask moved away: the library kept a copy by its SHA-256, and the replay uses it
        Path moved = Files.move(eyes, dir.resolve("moved.png"));
        assertTrue(new AssetReplay((LeonardoStudio) shell.studio(), library).replay(composite.id()).identical());
        Files.move(moved, eyes);

        Object run = shell.eval("run 'graded', character: mara, template: 'small', seed: 5", "input-2");
        String gradedId = ((PipelineOutcome) run).items().get(0).id();
        assertEquals("grade", record(gradedId).step());
        assertEquals("composite", record(record(gradedId).parentId()).step());
        assertEquals("inpaint", record(record(record(gradedId).parentId()).parentId()).step());
        // explore -> refine -> inpaint -> composite -> grade, each made again from the one before
        AssetReplay.Outcome chain = new AssetReplay((LeonardoStudio) shell.studio(), library).replay(gradedId);
        assertTrue(chain.identical(), "the graded composite replays byte-identical: " + chain);
    }

    @Test void badCompositeInputsAreRefusedWithTheFileAndTheFixAndSendNothing() throws Exception {
        Asset master = masterOfMara();
        shell.eval("shot = generate(mara, template: 'small', seed: 8, count: 1)[0]", "input-1");
        Path jpeg = dir.resolve("masks/eyes.jpg");
        assertTrue(javax.imageio.ImageIO.write(new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile()));
        Path small = mask(dir.resolve("masks/small.png"), 256, 384);
        long sent = paidPosts();
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("composite shot, from: 'feedface', mask: '" + eyes + "'", "composite from: 'feedface' is not an asset in the library");
        cases.put("composite shot, from: master(mara), mask: '" + jpeg + "'", "the mask file " + jpeg + " is not a PNG (it is a JPEG)");
        cases.put("composite shot, from: master(mara), mask: '" + small + "'", "the mask file " + small + " is 256x384 but image ");
        cases.put("composite shot, from: master(mara), mask: 'masks/none.png'", "image 'masks/none.png' not found");
        cases.put("composite shot, mask: '" + eyes + "'", "`composite` needs from:");
        cases.put("composite shot, from: master(mara), mask: '" + eyes + "', denoise: 0.05", "denoise: 0.05 is outside 0.2-0.9");
        cases.forEach((line, expected) -> {
            DslException e = assertThrows(DslException.class, () -> shell.eval(line, "input-2"), line);
            assertTrue(e.getMessage().contains(expected), line + " -> " + e.getMessage());
        });
        // a patch source that failed QA
        library.setQa(master.id(), List.of(new Provenance.QaResult("eyes match the anchors", "fail", null, null, null)));
        DslException failed = assertThrows(DslException.class,
                () -> shell.eval("composite shot, from: '" + master.id().substring(0, 12) + "', mask: '" + eyes + "'", "input-3"));
        assertTrue(failed.getMessage().contains("failed QA ('eyes match the anchors')") && failed.getMessage().contains("Fix:"), failed.getMessage());
        DslException inPipeline = assertThrows(DslException.class,
                () -> shell.eval("run 'patch', character: mara, template: 'small', seed: 1", "input-4"));
        assertTrue(inPipeline.getMessage().contains("step composite") && inPipeline.getMessage().contains("failed QA"), inPipeline.getMessage());
        assertEquals(sent, paidPosts(), "nothing was sent for any of them");
    }

    @Test void aWrongSizeMaskIsRefusedBeforeAnythingIsPaidWhenTheTemplateFixesTheSize() throws Exception {
        masterOfMara();
        Files.delete(eyes);
        mask(eyes, 256, 384); // explore's size, but refine makes the template's 512x768
        long sent = paidPosts();
        DslException refused = assertThrows(DslException.class,
                () -> shell.eval("run 'patch', character: mara, template: 'small', seed: 4242", "input-1"));
        assertTrue(refused.getMessage().contains("step composite: the mask file") && refused.getMessage().contains("is 256x384 but each image"
                + " reaching this step is 512x768") && refused.getMessage().contains("Nothing was paid."), refused.getMessage());
        assertEquals(sent, paidPosts(), "explore and refine were not paid for a run that could not finish");
    }

    @Test void anEstimateOfAnInterruptedRunPricesWhatRemainsAndTheRunIsChargedExactlyThat() throws Exception {
        masterOfMara();
        Files.delete(eyes);
        // After an upscale the size is the backend's, so the mask is checked just before the composite:
        // the run stops there, after explore, refine and upscale are paid.
        mask(eyes, 256, 384);
        DslException stopped = assertThrows(DslException.class,
                () -> shell.eval("run 'late', character: mara, template: 'small', seed: 4242", "input-1"));
        assertTrue(stopped.getMessage().contains("step composite: the mask file") && stopped.getMessage().contains("is 256x384 but image"),
                stopped.getMessage());
        mask(eyes, 768, 1152);
        PipelineEstimate e = (PipelineEstimate) shell.eval("estimate 'late', character: mara, template: 'small', seed: 4242", "input-2");
        System.out.println(e);
        assertEquals(4, e.requests());
        assertEquals(3, e.paidEarlier(), "explore, refine and upscale were paid");
        assertEquals(0, e.credits("explore") + e.credits("refine") + e.credits("upscale"));
        assertTrue(e.credits("composite") > 0, e.toString());
        assertTrue(e.toString().contains(String.format("3 of 4 jobs already paid; remaining %,d credits", e.total())), e.toString());

        long before = sandbox.credits();
        shell.eval("run 'late', character: mara, template: 'small', seed: 4242", "input-3");
        assertEquals(e.total(), before - sandbox.credits(), "the resumed run is charged what the estimate said remains");
    }

    @Test void theEstimatePricesInpaintAndCompositeAsTheyAreCharged() {
        masterOfMara();
        PipelineEstimate e = (PipelineEstimate) shell.eval("estimate 'touchup', character: mara, template: 'small', seed: 77", "input-1");
        assertTrue(e.credits("inpaint") > 0 && e.credits("composite") > 0 && e.credits("grade") == 0, e.toString());
        long before = sandbox.credits();
        shell.eval("run 'touchup', character: mara, template: 'small', seed: 77", "input-2");
        assertEquals(e.total(), before - sandbox.credits(), "charged what was estimated:\n" + e);
    }
}
