package dev.sitter.pipeline;

import dev.sitter.imaging.Images;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.txt} in the run folder: what a person reads about a run (the journal is for the
 * machine). Rewritten after every step, so a run that stopped (a QA failure before upscale, a wrong
 * mask) has a report of everything finished so far: each step's summary, then each image with its
 * drift and QA verdicts, and where the export went.
 */
final class RunReport {
    static final String FILE = "report.txt";

    private RunReport() {}

    static Path file(Path runDir) {
        return runDir.resolve(FILE);
    }

    static void write(Path runDir, String pipeline, String runId, List<PipelineRunner.StepReport> steps, List<Item> items) {
        StringBuilder sb = new StringBuilder("pipeline '" + pipeline + "', run " + runId + "\n\nsteps\n");
        for (PipelineRunner.StepReport r : steps) sb.append("  ").append(r).append('\n');
        sb.append("\nimages after step ").append(steps.isEmpty() ? 0 : steps.get(steps.size() - 1).index() + 1)
                .append(" (asset ids: sitter show ID, sitter replay ID)\n");
        if (items.isEmpty()) sb.append("  none\n");
        for (Item i : items) {
            sb.append("  ").append(RunContext.displayId(i.id()));
            sb.append(i.drift() == null ? "  drift -" : String.format(Locale.ROOT, "  drift %.3f", i.drift()));
            sb.append(i.qa().isEmpty() ? "  qa -" : "  qa " + (i.passedQa() ? "PASSED" : "FAILED"));
            sb.append('\n');
            for (Map.Entry<String, Boolean> v : i.qa().entrySet()) {
                sb.append("      ").append(v.getValue() ? "pass  " : "FAIL  ").append(v.getKey()).append('\n');
            }
        }
        sb.append("\njournal: ").append(runDir.resolve("journal.jsonl")).append('\n');
        Images.writeAtomically(file(runDir), sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
