package dev.sitter.pipeline;

import java.util.List;
import java.util.Locale;

/**
 * What {@code estimate 'pack', character: mara, ...} returns: per step how many paid requests and
 * images it would make and what the pricing calculator says they cost, and the total. Nothing is
 * generated to make it. QA is assumed to pass every image, so the total is an upper bound.
 *
 * @param notes   caveats that apply to this estimate (e.g. a mode the calculator cannot price)
 * @param resumes the run folder whose journal shows jobs already paid (the credits are what remains), or null
 */
public record PipelineEstimate(String pipeline, String character, List<Line> lines, List<String> notes, java.nio.file.Path resumes) {
    public PipelineEstimate {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** An estimate of a fresh run (no journal to resume). */
    public PipelineEstimate(String pipeline, String character, List<Line> lines, List<String> notes) {
        this(pipeline, character, lines, notes, null);
    }

    /**
     * One step: {@code requests} paid calls making {@code images} images; {@code credits} is 0 for a free step.
     *
     * @param detail what is priced, e.g. "2 x 4 images at 512x768, 15 steps"
     * @param paid   of the {@code requests}, how many an interrupted run already paid (not in {@code credits})
     */
    public record Line(int index, String step, int scriptLine, int requests, int images, long credits, String detail, int paid) {
        public Line(int index, String step, int scriptLine, int requests, int images, long credits, String detail) {
            this(index, step, scriptLine, requests, images, credits, detail, 0);
        }
    }

    public long total() {
        return lines.stream().mapToLong(Line::credits).sum();
    }

    /** Credits of the step with this name (all its occurrences), for tests and the budget message. */
    public long credits(String step) {
        return lines.stream().filter(l -> l.step().equals(step)).mapToLong(Line::credits).sum();
    }

    public int requests() {
        return lines.stream().mapToInt(Line::requests).sum();
    }

    /** Paid requests an interrupted run already made: the resumed run will not pay for them again. */
    public int paidEarlier() {
        return lines.stream().mapToInt(Line::paid).sum();
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("estimate of pipeline '" + pipeline + "'" + (character == null ? "" : " for " + character)
                + " (pricing calculator; nothing generated)\n");
        for (Line l : lines) {
            sb.append(String.format("  %d. %-9s %8s  %s%s%n", l.index() + 1, l.step(),
                    l.requests() == 0 ? "free" : l.credits() + " cr", l.detail(),
                    l.paid() == 0 ? "" : l.paid() == l.requests() ? " (all paid earlier)" : " (" + l.paid() + " paid earlier)"));
        }
        if (resumes != null && paidEarlier() > 0) {
            sb.append(String.format(Locale.ROOT, "  resumes   %s: %d of %d jobs already paid; remaining %,d credits%n",
                    resumes, paidEarlier(), requests(), total()));
        } else {
            sb.append(String.format("  total        %8s  %d paid request(s)%n", total() + " cr", requests()));
        }
        for (String n : notes) sb.append("  note: ").append(n).append('\n');
        return sb.toString().stripTrailing();
    }
}
