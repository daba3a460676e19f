package dev.sitter.studio;

import dev.sitter.dsl.DslException;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code master mara, asset} over the real Studio, library and sandbox: the choice is kept in the
 * library for later sessions, {@code refine master(mara)} starts from it, and drift scores against it.
 */
class MasterE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    private static final String DEFS = """
            template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 256, 384 }
            pipeline('first') { explore count: 3, size: '256x384'; select top: 3, by: 'order' }
            pipeline('again') { explore count: 3, size: '256x384'; select top: 1 }
            """;

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;

    @BeforeEach void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(10)).build());
        backend = Backend.over(sandbox);
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    /** A new console session on the same library: a new shell and Studio, nothing shared but the files. */
    private SitterShell session() throws Exception {
        SitterShell shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, Library.open(dir.resolve("lib")), ImageSource.relativeTo(EXAMPLES), a -> { }));
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        shell.eval(characters.substring(0, characters.indexOf("template('studio')")) + DEFS, "defs");
        return shell;
    }

    @Test void theMasterOutlivesTheSessionAndIsTheBaseOfImageToImage() throws Exception {
        SitterShell first = session();
        Asset chosen = (Asset) first.eval("shots = generate mara, template: 'small', seed: 5, count: 2\nmaster mara, shots[1]", "input-1");
        String json = Files.readString(dir.resolve("lib/masters/mara.json"));
        assertTrue(json.contains(chosen.id()), json);

        SitterShell later = session();
        Asset master = (Asset) later.eval("master mara", "input-1");
        assertEquals(chosen.id(), master.id());
        Asset refined = (Asset) later.eval("refine master(mara), strength: 0.3", "input-2");
        Provenance p = Library.open(dir.resolve("lib")).get(refined.id());
        assertEquals(chosen.id(), p.parentId());
        assertEquals(chosen.leonardoImageId(), p.request().init().generatedImageId());
        // also by asset id, e.g. from `sitter ls` in another session
        assertEquals(refined.id(), ((Asset) later.eval("master mara, '" + refined.id().substring(0, 10) + "'", "input-3")).id());
        assertTrue(Files.readString(dir.resolve("lib/masters/mara.json")).contains(refined.id()));
        assertTrue(Library.open(dir.resolve("lib")).verify().ok(), "masters/ is not an orphan to sitter verify");
    }

    @Test void driftScoresAgainstTheMaster() throws Exception {
        SitterShell shell = session();
        List<Item> explored = ((PipelineOutcome) shell.eval("run 'first', character: mara, template: 'small', seed: 9", "input-1")).items();
        assertEquals(3, explored.size());
        // Without a master, no explored image scores 0 against the anchors alone.
        explored.forEach(i -> assertTrue(i.drift() > 0.001, "drift " + i.drift()));
        shell.eval("master mara, '" + explored.get(2).id() + "'", "input-2");
        // The same explore again (deterministic sandbox) makes the same three images: the master's twin scores 0 and wins.
        Item best = ((PipelineOutcome) shell.eval("run 'again', character: mara, template: 'small', seed: 9", "input-3")).items().get(0);
        assertEquals(explored.get(2).id(), best.id());
        assertEquals(0.0, best.drift(), 1e-6);
    }

    @Test void mistakesAreClearMessages() throws Exception {
        SitterShell shell = session();
        DslException none = assertThrows(DslException.class, () -> shell.eval("master theo", "input-1"));
        assertTrue(none.getMessage().contains("no master image yet") && none.getMessage().contains("master theo, "), none.getMessage());
        DslException other = assertThrows(DslException.class,
                () -> shell.eval("shots = generate mara, template: 'small', seed: 5, count: 1\nmaster theo, shots[0]", "input-2"));
        assertTrue(other.getMessage().contains("portrait of 'mara', not 'theo'"), other.getMessage());
        assertFalse(Files.exists(dir.resolve("lib/masters/theo.json")));
        DslException list = assertThrows(DslException.class, () -> shell.eval("master mara, shots", "input-3"));
        assertTrue(list.getMessage().contains("pick one"), list.getMessage());
        DslException unknown = assertThrows(DslException.class, () -> shell.eval("master mara, 'ffff0000'", "input-4"));
        assertTrue(unknown.getMessage().contains("ffff0000"), unknown.getMessage());
    }
}
