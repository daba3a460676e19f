package dev.sitter.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PipelineStep;

/**
 * The names a run's journal uses, in one place: the runner writes with them and the estimate
 * ({@link RunProgress}, {@link PipelinePricer}) reads with them, so a change of format cannot leave the
 * estimate silently finding nothing paid.
 */
final class RunKeys {
    private RunKeys() {}

    /** A step's journal key: its position and name, e.g. {@code s2-refine}; its ops' keys start with it and a '/'. */
    static String step(int index, String name) {
        return "s" + index + "-" + name;
    }

    /** The key of an explore step's {@code batch}-th generation. */
    static String batch(String stepKey, int batch) {
        return stepKey + "/batch-" + batch;
    }

    /** What a run folder's header records as the pipeline's definition: its steps as written. */
    static String definition(PipelineDef pipeline) {
        return pipeline.steps().stream().map(PipelineStep::toString).reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** The header entry a run folder's journal starts with: what runs in it. */
    static ObjectNode header(PipelineDef pipeline, long seed, String runId) {
        return Json.MAPPER.createObjectNode().put("type", "run").put("key", "header").put("pipeline", pipeline.id())
                .put("definition", definition(pipeline)).put("seed", seed).put("runId", runId);
    }

    /** Whether {@code header} (from {@link RunJournal#find}{@code ("run", "header")}) is a run of {@code pipeline} with {@code seed}. */
    static boolean sameRun(JsonNode header, PipelineDef pipeline, long seed) {
        return header != null && header.path("definition").asText().equals(definition(pipeline))
                && header.path("seed").asLong() == seed && header.path("pipeline").asText().equals(pipeline.id());
    }
}
