package dev.sitter.studio;

import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.IndexEntry;
import dev.sitter.library.Library;
import dev.sitter.library.Query;
import dev.sitter.model.Provenance;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A first-time user's pipeline run through the real Studio and an in-process sandbox: what it names,
 * records and reports is what {@code sitter ls/show/replay} understand.
 */
class PipelineUxE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    private static final String TINY = """
            pipeline('tiny') {
                explore count: 2, size: '256x384', steps: 15
                select top: 2
                qa 'eyes match the anchors', 'scar on the left cheek'
                export 'png'
            }
            template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
            run 'tiny', character: mara, template: 'small', seed: 4242
            """;

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private Library library;

    @BeforeEach void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(10)).build());
        backend = Backend.over(sandbox);
        library = Library.open(dir.resolve("lib"));
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    private PipelineOutcome run(String script) throws Exception {
        SitterShell shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { }));
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        shell.eval(characters.substring(0, characters.indexOf("template('studio')")), "characters");
        return (PipelineOutcome) shell.eval(script, "input-1");
    }

    private Path export() {
        return dir.resolve("lib/runs/tiny-mara-4242/export");
    }

    @Test void exportedImagesAreNamedByTheAssetIdThatShowAndReplayTake() throws Exception {
        PipelineOutcome outcome = run(TINY);
        List<String> names;
        try (Stream<Path> files = Files.list(export())) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.png")).sorted().toList();
        }
        assertEquals(2, names.size(), names.toString());
        for (int i = 0; i < names.size(); i++) {
            String shortId = names.get(i).substring(3, names.get(i).length() - 4);
            assertEquals(12, shortId.length(), names.get(i));
            assertEquals(outcome.items().get(i).id(), library.resolve(shortId), "the file name is the asset's short id");
        }
        String html = Files.readString(export().resolve("index.html"));
        Provenance first = library.get(outcome.items().get(0).id());
        assertTrue(html.contains("asset " + first.assetId().substring(0, 12)), html);
        assertTrue(html.contains("prompt: "), html);
        assertTrue(html.contains("negative prompt: "), html);
        assertTrue(html.contains("seed: " + first.seed()), html);
        assertTrue(html.contains("model: "), html);
        assertTrue(html.contains("size: 256x384"), html);
        assertFalse(html.contains(outcome.items().get(0).id()), "no 64-hex ids: the user can only paste short ones");
    }

    @Test void qaVerdictsReachTheLibraryOnceWithHowTheyWereJudged() throws Exception {
        PipelineOutcome outcome = run(TINY);
        int passed = 0;
        for (var item : outcome.items()) {
            Provenance p = library.get(item.id());
            assertEquals(List.of("eyes match the anchors", "scar on the left cheek"), p.qa().stream().map(Provenance.QaResult::check).toList());
            for (Provenance.QaResult r : p.qa()) {
                assertEquals(item.passedQa() ? "pass" : "fail", r.status());
                assertEquals(item.drift(), r.score());
                assertTrue(r.note().startsWith("judged by drift " + String.format(java.util.Locale.ROOT, "%.3f", item.drift())), r.note());
            }
            if (item.passedQa()) passed++;
        }
        long listedPass = library.find(Query.ALL).stream().filter(e -> "pass".equals(e.qa())).count();
        assertEquals(passed, listedPass, "sitter ls --qa pass sees the verdicts");
        run(TINY);  // from the journal: no second verdict per check
        for (var item : outcome.items()) assertEquals(2, library.get(item.id()).qa().size());
    }

    @Test void aGradedImageCostsZeroInItsParentsUnit() throws Exception {
        PipelineOutcome outcome = run("""
                pipeline('tiny') { explore count: 1, size: '256x384', steps: 15; select top: 1; grade lut: 'luts/teal-orange.cube' }
                template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
                run 'tiny', character: mara, template: 'small', seed: 4242
                """);
        Provenance graded = library.get(outcome.items().get(0).id());
        Provenance parent = library.get(graded.parentId());
        assertEquals("grade", graded.step());
        assertEquals(0, graded.cost().amount().signum());
        assertEquals(parent.cost().unit(), graded.cost().unit(), "one unit in the ledger");
    }

    @Test void aWrongArgumentIsDescribedInPlainEnglish() {
        LeonardoStudio studio = new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { });
        var e = assertThrows(dev.sitter.dsl.DslException.class, () -> studio.upscale(5, java.util.Map.of()));
        assertTrue(e.getMessage().endsWith("not 5"), e.getMessage());
        e = assertThrows(dev.sitter.dsl.DslException.class, () -> studio.upscale(new Object(), java.util.Map.of()));
        assertTrue(e.getMessage().endsWith("not an Object"), e.getMessage());
    }
}
