package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.imaging.CubeParser;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.LutGrader;
import dev.sitter.imaging.Masks;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.model.Provenance;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a composite or a grade reads is what it records: an input file is read once (a user saving the
 * mask or LUT mid-run cannot make the record name other bytes than the ones used), an absolute LUT
 * path never reaches a record, and a hostile feather is refused on the path every composite takes.
 */
class CompositeInputsE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    private static final int W = 256, H = 384;

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private Library library;
    private SitterShell shell;
    private LeonardoStudio studio;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Path fifo;

    @BeforeEach void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(5)).build());
        backend = Backend.over(sandbox);
        library = Library.open(dir.resolve("lib"));
        shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        studio = new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { });
        shell.studio(studio);
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        shell.eval(characters.substring(0, characters.indexOf("template('studio')")) + """
                template('tiny') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 256, 384 }
                """, "defs");
    }

    @AfterEach void stop() throws Exception {
        stop.set(true);
        if (fifo != null) { // let a writer blocked in open() see the flag and end
            Thread drain = new Thread(() -> {
                try (FileInputStream in = new FileInputStream(fifo.toFile())) { in.readAllBytes(); } catch (IOException ignored) { }
            });
            drain.setDaemon(true);
            drain.start();
        }
        backend.close();
        sandbox.close();
    }

    /**
     * A named pipe that gives each reader the next of {@code versions}: a file the user keeps saving.
     * The next version is offered only once the last reader closed the pipe (this process's open files
     * are polled), so no reader ever sees two versions run together.
     */
    private Path changingFile(String name, List<byte[]> versions) throws Exception {
        fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        Thread writer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
                    if (stop.get()) return;
                    out.write(versions.get(i % versions.size()));
                } catch (IOException e) {
                    // the reader closed early: the next reader gets the next version
                }
                while (!stop.get() && openHere(fifo)) Thread.onSpinWait();
            }
        });
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    /** Whether this process still has {@code file} open (Linux: /proc/self/fd). */
    private static boolean openHere(Path file) {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile, or not a link
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] band(int y0, int y1) {
        int[] px = new int[W * H];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) px[y * W + x] = x >= 64 && x < 192 && y >= y0 && y < y1 ? -1 : 0xff000000;
        return Images.pngBytes(Images.fromPixels(px, W, H));
    }

    private Asset shot(long seed) {
        return (Asset) shell.eval("generate(mara, template: 'tiny', seed: " + seed + ", count: 1)[0]", "input-" + seed);
    }

    private long paidPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST") && e.path().endsWith("/generations")).count();
    }

    @Test void aHostileFeatherOrDenoiseIsRefusedBeforeAnythingIsSent() throws Exception {
        Asset parent = shot(1), source = shot(2);
        Path mask = dir.resolve("eyes.png");
        Files.write(mask, band(100, 180));
        long before = paidPosts();
        // as a pack record would carry it ("feather": 2147483647), straight into the method every composite takes
        DslException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(DslException.class, () -> studio.composite(parent, source, mask, 0.2, Integer.MAX_VALUE, null)));
        assertTrue(e.getMessage().contains("feather: 2147483647 is outside 0-64"), e.getMessage());
        DslException nan = assertThrows(DslException.class, () -> studio.composite(parent, source, mask, Double.NaN, 6, null));
        assertTrue(nan.getMessage().contains("denoise: NaN is outside 0.2-0.9"), nan.getMessage());
        assertEquals(before, paidPosts(), "nothing was sent");
    }

    @Test void aCompositeRecordsTheMaskBytesItUsedEvenWhenTheFileChangesMidRun() throws Exception {
        Asset parent = shot(3), source = shot(4);
        byte[] first = band(100, 180);
        Path mask = changingFile("eyes.png", List.of(first, band(250, 330)));
        Asset made = studio.composite(parent, source, mask, 0.2, 0, null);
        Provenance.Edit edit = made.provenance().edit();
        byte[] kept = library.readInput(edit.maskSha256()); // refused when the record names bytes the library does not keep
        assertArrayEquals(first, kept, "the mask was read once, and that read is what is kept and recorded");
        float[] used = Masks.decode(mask, kept).alpha();
        int[] before = Images.pixels(Images.read(library.objectPath(parent.id())));
        int[] after = Images.pixels(Images.read(library.objectPath(made.id())));
        int inside = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] == after[i]) continue;
            assertTrue(used[i] > 0, "pixel " + (i % W) + "," + (i / W) + " changed outside the recorded mask");
            inside++;
        }
        assertTrue(inside > 1000, "the patch went in: " + inside);
    }

    @Test void aGradeRecordsTheLutBytesItUsedAndNoAbsolutePath() throws Exception {
        List<byte[]> luts = List.of(Files.readAllBytes(Path.of("prompt-library/luts/teal-orange.cube")),
                Files.readAllBytes(Path.of("prompt-library/luts/warm-film.cube")));
        Path lut = changingFile("mine.cube", luts);
        assertTrue(lut.isAbsolute());
        shell.eval("""
                pipeline('graded') {
                    explore count: 1, size: '256x384', steps: 15
                    select top: 1
                    grade lut: '%s'
                }
                """.formatted(lut.toString().replace('\\', '/')), "defs-2");
        Object run = shell.eval("run 'graded', character: mara, template: 'tiny', seed: 5", "input-run");
        Provenance graded = library.get(((PipelineOutcome) run).items().get(0).id());
        assertEquals("grade", graded.step());
        assertEquals("mine.cube", graded.edit().lut(), "an absolute LUT path is recorded without the user's folders");
        assertFalse(graded.edit().lutFile().contains(dir.toString()), graded.edit().lutFile());
        byte[] kept = library.readInput(graded.edit().lutSha256());
        assertTrue(luts.stream().anyMatch(v -> java.util.Arrays.equals(v, kept)), "one whole saved version of the LUT");
        byte[] expected = Images.pngBytes(LutGrader.apply(CubeParser.parse(lut, kept),
                Images.read(library.objectPath(graded.parentId()))));
        assertArrayEquals(expected, Files.readAllBytes(library.objectPath(graded.assetId())),
                "the image was graded by the LUT its record names");
    }
}
