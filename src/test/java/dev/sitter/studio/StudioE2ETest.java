package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Journal;
import dev.sitter.library.Library;
import dev.sitter.model.Provenance;
import dev.sitter.sandbox.RequestLog;
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

/** The whole offline path: DSL script -> compiled request -> client -> sandbox over loopback -> library. */
class StudioE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private Library library;
    private final List<Asset> seen = new ArrayList<>();

    @BeforeEach void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(20)).build());
        backend = Backend.over(sandbox);
        library = Library.open(dir.resolve("lib"));
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    private SitterShell shell() {
        SitterShell shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), seen::add));
        return shell;
    }

    private long createPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST") && e.path().endsWith("/generations")).count();
    }

    @Test void quickstartGeneratesRecordsAndVerifies() throws Exception {
        shell().evalFile(EXAMPLES.resolve("quickstart.groovy"));
        assertEquals(4, seen.size(), "quickstart asks for four portraits");
        for (Asset a : seen) {
            assertTrue(Files.isRegularFile(a.path()), a.path() + " exists");
            Provenance p = a.provenance();
            assertEquals("mara", p.recipe().characterId());
            assertTrue(p.request().prompt().startsWith(p.recipe().identity()), "prompt opens with the identity anchor");
            assertEquals(4242L, p.seed());
            assertEquals("sandbox", p.backend().kind());
            assertEquals(3, p.leonardo().uploads().size(), "each anchor's upload id is recorded");
            assertNotNull(p.cost());
        }
        assertEquals(1, createPosts(), "one create for four images");
        long uploads = sandbox.requests().stream().filter(e -> e.path().endsWith("/init-image")).count();
        assertEquals(3, uploads, "three anchors, each uploaded once");
        assertTrue(library.verify().ok(), "the library verifies");
    }

    @Test void anchorsAreUploadedOnceAcrossGenerations() throws Exception {
        SitterShell shell = shell();
        shell.evalFile(EXAMPLES.resolve("quickstart.groovy"));
        shell.eval("generate mara, template: 'canonical', seed: 7, count: 1", "input-1");
        long uploads = sandbox.requests().stream().filter(e -> e.path().endsWith("/init-image")).count();
        assertEquals(3, uploads, "the second generation reuses the uploaded anchors");
        assertEquals(5, seen.size());
    }

    @Test void refineAndUpscaleKeepLineage() {
        SitterShell shell = shell();
        shell.evalFile(EXAMPLES.resolve("quickstart.groovy"));
        Object best = shell.eval("def best = refine(generate(mara, template: 'canonical', seed: 9, count: 1)[0], strength: 0.3)\nupscale best", "input-2");
        Asset up = (Asset) best;
        assertEquals("upscale", up.provenance().step());
        Asset refined = seen.get(seen.size() - 2);
        assertEquals("refine", refined.provenance().step());
        assertEquals(refined.id(), up.provenance().parentId());
        assertEquals(0.3, refined.spec().init().strength());
        Asset generated = seen.get(seen.size() - 3);
        assertEquals(generated.id(), refined.provenance().parentId());
    }

    @Test void aJournaledGenerationIsCollectedNotPaidTwice() throws Exception {
        SitterShell shell = shell();
        shell.evalFile(EXAMPLES.resolve("quickstart.groovy"));
        long before = createPosts();
        // A run that was killed after Leonardo answered but before the images were recorded:
        // its intent is open with the generation id. Replay it by hand.
        Asset first = seen.get(0);
        String intent = library.journal().begin(new Journal.Intent("generate", first.spec().withNumImages(4), null, null));
        library.journal().submitted(intent, first.provenance().leonardo().generationId());
        seen.clear();
        shell.eval("generate mara, template: 'canonical', seed: 4242, count: 4", "input-3");
        assertEquals(before, createPosts(), "the open intent was collected, not sent again");
        assertEquals(4, seen.size());
        assertTrue(library.journal().pending().isEmpty(), "the intent is completed");
    }

    @Test void aDeadBackendIsAScriptErrorNotAStackTrace() throws Exception {
        SitterShell shell = shell();
        shell.evalFile(EXAMPLES.resolve("quickstart.groovy"));
        sandbox.close();
        DslException e = assertThrows(DslException.class,
                () -> shell.eval("generate mara, template: 'canonical', seed: 1, count: 1", "input-4"));
        assertTrue(e.render().contains("input-4:1"), e.render());
        assertTrue(library.verify().ok());
    }
}
