package dev.sitter.studio;

import dev.sitter.dsl.SitterShell;
import dev.sitter.library.Library;
import dev.sitter.model.Provenance;
import dev.sitter.pipeline.PipelineEstimate;
import dev.sitter.sandbox.SandboxConfig;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Raster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** removeBackground as a pipeline step: paid per winner, priced by estimate, recorded with its lineage, transparent. */
class RemoveBackgroundStepE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    @TempDir Path dir;
    private final SandboxSessions sessions = new SandboxSessions();

    @AfterEach void stop() throws Exception {
        sessions.close();
    }

    @Test
    void aPipelineRemovesTheBackgroundOfItsWinnersAsEstimated() throws Exception {
        SitterShell shell = sessions.open(EXAMPLES, dir.resolve("lib"), SandboxConfig.builder().latency(Duration.ofMillis(5)).build(), n -> { });
        Library library = Library.open(dir.resolve("lib"));
        LeonardoStudio studio = (LeonardoStudio) shell.studio();
        String quickstart = Files.readString(EXAMPLES.resolve("quickstart.groovy"))
                .replace("generate mara, template: 'canonical', seed: 4242, count: 4", "");
        shell.eval(quickstart + """
                template('small') { style 'noir'; camera 'portrait85'; negatives 'hard'; size 256, 384 }
                pipeline('sprites') {
                    explore count: 2, size: '256x384', steps: 15
                    select top: 2
                    removeBackground()
                }
                """, "defs");
        PipelineEstimate estimate = (PipelineEstimate) shell.eval("estimate 'sprites', character: mara, template: 'small', seed: 9", "input-1");
        assertTrue(estimate.toString().contains("2 x background removal 256x384"), estimate.toString());

        java.math.BigDecimal before = studio.spent();
        PipelineOutcome run = (PipelineOutcome) shell.eval("run 'sprites', character: mara, template: 'small', seed: 9", "input-2");
        assertEquals(2, run.items().size());
        for (var item : run.items()) {
            Provenance cut = library.get(item.id());
            assertEquals("nobg", cut.step());
            assertEquals("explore", library.get(cut.parentId()).step());
            Raster px = ImageCodec.decode(Files.readAllBytes(library.objectPath(cut.assetId())));
            assertEquals(0, px.get(0, 0) >>> 24, "the corner is transparent");
        }
        assertEquals(0, studio.spent().subtract(before).compareTo(java.math.BigDecimal.valueOf(estimate.total())),
                "charged what the estimate said: " + studio.spent().subtract(before) + " vs " + estimate.total());
    }
}
