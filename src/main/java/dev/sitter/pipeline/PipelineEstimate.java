package dev.sitter.pipeline;

import java.util.List;

/**
 * What {@code estimate 'pack', character: mara, ...} returns: per step how many paid requests and
 * images it would make and what the pricing calculator says they cost, and the total. Nothing is
 * generated to make it. QA is assumed to pass every image, so the total is an upper bound.
 *
 * @param notes caveats that apply to this estimate (e.g. a mode the calculator cannot price)
 */
public record PipelineEstimate(String pipeline, String character, List<Line> lines, List<String> notes) {
    public PipelineEstimate {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /**
     * One step: {@code requests} paid calls making {@code images} images; {@code credits} is 0 for a free step.
     *
     * @param detail what is priced, e.g. "2 x 4 images at 512x768, 15 steps"
     */
    public record Line(int index, String step, int scriptLine, int requests, int images, long credits, String detail) {}

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

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("estimate of pipeline '" + pipeline + "'" + (character == null ? "" : " for " + character)
                + " (pricing calculator; nothing generated)\n");
        for (Line l : lines) {
            sb.append(String.format("  %d. %-8s %8s  %s%n", l.index() + 1, l.step(),
                    l.requests() == 0 ? "free" : l.credits() + " cr", l.detail()));
        }
        sb.append(String.format("  total       %8s  %d paid request(s)%n", total() + " cr", requests()));
        for (String n : notes) sb.append("  note: ").append(n).append('\n');
        return sb.toString().stripTrailing();
    }
}
