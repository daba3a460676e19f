package dev.sitter.studio;

import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.model.Provenance;
import dev.sitter.pipeline.Item;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code run 'pack'} for two characters through the real Studio and an in-process sandbox: every
 * final image is a library asset whose record chains back upscale -> refine -> explore, and running
 * the same command again pays for nothing.
 */
class PipelineStudioE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    private static final String PACK = """
            pipeline('pack') {
                explore count: 4, size: '256x384', steps: 15
                select top: 1
                refine strength: 0.35
                qa 'eyes match the anchors', pass: true
                upscale mode: 'standard'
                grade lut: 'luts/teal-orange.cube'
                export 'png'
            }
            template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
            [mara, theo].collect { run 'pack', character: it, template: 'small', seed: 4242 }
            """;

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private Library library;

    @BeforeEach void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(20)).build());
        backend = Backend.over(sandbox);
        library = Library.open(dir.resolve("lib"));
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    private Object runPack() throws Exception {
        SitterShell shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { }));
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        shell.eval(characters.substring(0, characters.indexOf("template('studio')")), "characters");
        return shell.eval(PACK, "input-1");
    }

    private long paidPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST")
                && (e.path().endsWith("/generations") || e.path().contains("/variations/"))).count();
    }

    @Test void twoCharactersEachEndWithFullLineage() throws Exception {
        List<?> outcomes = (List<?>) runPack();
        assertEquals(2, outcomes.size());
        List<String> characters = new ArrayList<>();
        for (Object o : outcomes) {
            PipelineOutcome outcome = (PipelineOutcome) o;
            assertEquals(1, outcome.items().size(), outcome.toString());
            Item finalItem = outcome.items().get(0);
            assertTrue(Files.isRegularFile(finalItem.file()), "graded file " + finalItem.file());
            // The graded image's parent is the upscale: a library asset with the whole chain.
            Provenance up = library.get(finalItem.parentId());
            assertEquals("upscale", up.step());
            Provenance refined = library.get(up.parentId());
            assertEquals("refine", refined.step());
            assertEquals(0.35, refined.request().init().strength());
            // explore is the cheap pass; the refine makes the template's full size
            assertEquals(512, refined.request().width());
            assertEquals(768, refined.request().height());
            assertEquals(512, (int) refined.files().original().width());
            Provenance explored = library.get(refined.parentId());
            assertEquals("explore", explored.step());
            assertEquals(256, explored.request().width());
            assertNull(explored.parentId());
            characters.add(explored.recipe().characterId());
            assertTrue(Files.exists(dir.resolve("lib/runs/pack-" + explored.recipe().characterId() + "-4242/export/contact-sheet.png")));
        }
        assertEquals(List.of("mara", "theo"), characters);
        // per character: one explore batch of 4, one refine, one upscale
        assertEquals(6, paidPosts());
        assertTrue(library.verify().ok());
    }

    @Test void theSameRunAgainPaysForNothing() throws Exception {
        runPack();
        long first = paidPosts();
        runPack();
        assertEquals(first, paidPosts(), "a finished run is read from its journal");
    }
}
