package dev.sitter.pipeline;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.drift.DriftScorer;
import dev.sitter.model.PipelineDef;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.sitter.pipeline.PipelineRunnerTest.step;
import static org.junit.jupiter.api.Assertions.*;

/** The pack pipeline against the offline sandbox over loopback HTTP, killed mid-run and resumed. */
class PipelineSandboxE2ETest {
    static final String MARA = "olive skin, short black bob with a silver streak, green eyes, scar on left cheek, photoreal portrait";

    @TempDir
    Path dir;
    Sandbox sandbox;
    OkHttpClient http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(5)).build());
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private long paidPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST") && e.status() == 200).count();
    }

    @Test
    void packPipelineKilledAfterTheFirstRefineResumesWithoutPayingTwice() throws Exception {
        // Anchors: three faithful renders of the character, through the same API.
        SandboxOps anchorsOps = new SandboxOps(sandbox, http, MARA, Integer.MAX_VALUE);
        List<PortraitOps.Produced> anchors = anchorsOps.generate("anchors", 3, 256, 384, null, 1);
        DriftScorer scorer = DriftScorer.forImages(anchors.stream().map(p -> Images.decode(p.bytes(), p.id())).toList());
        long afterAnchors = paidPosts();

        PipelineDef pack = new PipelineDef("pack", List.of(
                step("explore", 1, "count:", 6, "size:", "256x384", "steps:", 15),
                step("select", 2, "top:", 2),
                step("refine", 3, "strength:", 0.35),
                step("qa", 4, "hairline matches", "pass:", true),
                step("upscale", 5),
                step("grade", 6, "lut:", "prompt-library/luts/warm-film.cube"),
                step("export", 7, "png", "jpg")));
        Path runDir = dir.resolve("run");
        PipelineRunner.Settings settings = PipelineRunner.Settings.of(runDir, "e2e", 4242, scorer);
        // explore: 2 batches (4 + 2); then the first refine; the second refine "dies".
        assertThrows(IllegalStateException.class, () -> new PipelineRunner(new SandboxOps(sandbox, http, MARA, 3), settings).run(pack));
        assertEquals(3, paidPosts() - afterAnchors);

        PipelineRunner.RunResult r = new PipelineRunner(new SandboxOps(sandbox, http, MARA, Integer.MAX_VALUE), settings).run(pack);
        // In all: 2 explore batches + 2 refines + 2 upscales, each paid exactly once.
        assertEquals(6, paidPosts() - afterAnchors);
        assertEquals(2, r.items().size());
        assertTrue(r.steps().get(0).fromJournal() && r.steps().get(1).fromJournal());
        assertFalse(r.steps().get(2).fromJournal());
        assertEquals(512, Images.read(r.items().get(0).file()).getWidth(), "upscaled x2 from 256");
        Path export = runDir.resolve("export");
        assertTrue(Files.exists(export.resolve("contact-sheet.png")) && Files.exists(export.resolve("index.html")));
        try (var files = Files.list(export)) {
            assertEquals(6, files.count());
        }
        for (Item item : r.items()) {
            assertTrue(item.drift() < 0.25, "winners look like the character: " + item.drift());
        }
    }
}
