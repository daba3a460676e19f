package dev.sitter.model;

import java.util.List;

/**
 * A named multi-step pipeline, recorded as data; the pipeline runner executes it.
 *
 * @param id    the id the script gave it
 * @param steps the steps in the order written
 * @param dir   the folder of the script that defined it (an included file's own folder), where its
 *              relative mask and LUT paths are looked for first; null when unknown
 */
public record PipelineDef(String id, List<PipelineStep> steps, java.nio.file.Path dir) {
    public PipelineDef {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A pipeline whose files are looked for beside the running script only. */
    public PipelineDef(String id, List<PipelineStep> steps) {
        this(id, steps, null);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("pipeline '" + id + "':");
        for (PipelineStep s : steps) sb.append("\n  ").append(s);
        return sb.toString();
    }
}
