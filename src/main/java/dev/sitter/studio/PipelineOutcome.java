package dev.sitter.studio;

import dev.sitter.pipeline.Item;
import dev.sitter.pipeline.PipelineRunner;

import java.nio.file.Path;
import java.util.List;

/** What {@code run 'pack', ...} returns to a script or the console: the final images and a line per step. */
public record PipelineOutcome(String pipeline, PipelineRunner.RunResult result) {
    public List<Item> items() { return result.items(); }

    public Path journal() { return result.journal(); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("pipeline '" + pipeline + "': " + result.items().size() + " image(s)\n");
        for (PipelineRunner.StepReport r : result.steps()) sb.append("  ").append(r).append('\n');
        for (Item i : result.items()) sb.append("  ").append(i.id(), 0, Math.min(12, i.id().length())).append("  ").append(i.file()).append('\n');
        if (result.resumedSteps() > 0) sb.append("  resumed: ").append(result.resumedSteps())
                .append(result.resumedSteps() == 1 ? " step" : " steps").append(" from the journal (done and paid earlier)\n");
        sb.append("  report: ").append(result.report()).append('\n');
        return sb.toString().stripTrailing();
    }
}
