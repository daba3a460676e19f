package dev.sitter.repl;

import dev.sitter.pipeline.Item;
import dev.sitter.pipeline.PipelineRunner;
import dev.sitter.studio.PipelineOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What the console counts as this session's images: whatever a result carries, a pipeline run's final images included. */
class AssetViewTest {
    @Test
    void aPipelineRunsFinalImagesAreSessionAssets() {
        String id = "d7375e" + "0".repeat(58);
        Item item = new Item(id, Path.of("runs/pack-mara-1/images/a.png"), null, 0.12, Map.of());
        PipelineOutcome outcome = new PipelineOutcome("pack", new PipelineRunner.RunResult(List.of(item), List.of(), Path.of("j")));
        List<AssetView> views = AssetView.in(outcome);
        assertEquals(List.of(id), views.stream().map(AssetView::id).toList(), "/show and /assets find the run's images");
        assertEquals(Path.of("runs/pack-mara-1/images/a.png"), views.get(0).path());
    }
}
