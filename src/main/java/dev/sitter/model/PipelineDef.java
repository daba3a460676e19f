package dev.sitter.model;

import java.util.List;

/**
 * A named multi-step pipeline, recorded as data; the pipeline runner executes it.
 *
 * @param id    the id the script gave it
 * @param steps the steps in the order written
 */
public record PipelineDef(String id, List<PipelineStep> steps) {
    public PipelineDef {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("pipeline '" + id + "':");
        for (PipelineStep s : steps) sb.append("\n  ").append(s);
        return sb.toString();
    }
}
