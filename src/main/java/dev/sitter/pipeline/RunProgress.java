package dev.sitter.pipeline;

import dev.sitter.model.PipelineDef;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an earlier, interrupted run already paid for, read from its run folder's journal: which steps
 * finished and which paid ops of the others did. The estimate prices only the rest, as the run will
 * pay only for the rest when started again. A journal of another pipeline or seed (which the runner
 * would refuse) counts as nothing paid.
 */
public final class RunProgress {
    /** No earlier run: everything is still to pay. */
    public static final RunProgress NONE = new RunProgress(null, null);

    private final RunJournal journal;
    private final Path runDir;

    private RunProgress(RunJournal journal, Path runDir) {
        this.journal = journal;
        this.runDir = runDir;
    }

    /** The progress of {@code pipeline} with {@code seed} in {@code runDir}; {@link #NONE} when it has no journal of that run. */
    public static RunProgress of(Path runDir, PipelineDef pipeline, long seed) {
        Path file = runDir.resolve("journal.jsonl");
        if (!Files.isRegularFile(file)) return NONE;
        RunJournal journal = new RunJournal(file);
        if (!RunKeys.sameRun(journal.find("run", "header"), pipeline, seed)) return NONE;
        return new RunProgress(journal, runDir);
    }

    /** The run folder whose journal this is, or null for {@link #NONE}. */
    public Path runDir() {
        return runDir;
    }

    boolean stepDone(String stepKey) {
        return journal != null && journal.find("step", stepKey) != null;
    }

    boolean opDone(String opKey) {
        return journal != null && journal.find("op", opKey) != null;
    }

    /** Paid ops of this step that finished: their keys start with the step's key. */
    int opsDone(String stepKey) {
        if (journal == null) return 0;
        return (int) journal.entries().stream()
                .filter(e -> "op".equals(e.path("type").asText()) && e.path("key").asText().startsWith(stepKey + "/"))
                .map(e -> e.path("key").asText()).distinct().count();
    }
}
