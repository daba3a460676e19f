package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.library.Library;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** Edits take an image as a script names it: an asset a command returned, or an asset id from `sitter ls` (as master and composite from: do). */
class AssetIdArgumentsE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    @TempDir Path dir;
    private final SandboxSessions sessions = new SandboxSessions();

    @AfterEach void stop() throws Exception {
        sessions.close();
    }

    @Test
    void refineAndUpscaleTakeAnAssetIdFromTheLibrary() throws Exception {
        SitterShell shell = sessions.open(EXAMPLES, dir.resolve("lib"), SandboxConfig.builder().latency(Duration.ofMillis(5)).build(), n -> { });
        Library library = Library.open(dir.resolve("lib"));
        String quickstart = Files.readString(EXAMPLES.resolve("quickstart.groovy"))
                .replace("generate mara, template: 'canonical', seed: 4242, count: 4", "");
        shell.eval(quickstart + "\ntemplate('small') { style 'noir'; camera 'portrait85'; negatives 'hard'; size 256, 384 }\n", "defs");
        Asset shot = (Asset) ((java.util.List<?>) shell.eval("generate mara, template: 'small', seed: 3, count: 1", "input-1")).get(0);

        Asset refined = (Asset) shell.eval("refine '" + shot.id().substring(0, 8) + "', strength: 0.3", "input-2");
        assertEquals("refine", refined.provenance().step());
        assertEquals(shot.id(), refined.provenance().parentId());
        Asset big = (Asset) shell.eval("upscale '" + refined.id() + "'", "input-3");
        assertEquals(refined.id(), big.provenance().parentId());

        DslException unknown = assertThrows(DslException.class, () -> shell.eval("refine 'ffff0000', strength: 0.3", "input-4"));
        assertTrue(unknown.getMessage().contains("no asset starts with 'ffff0000'"), unknown.getMessage());
    }
}
