package dev.sitter.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The dialogue of {@code select by: 'ask'} on a line-based terminal: shows the contact sheet
 * (inline where the terminal can, always by path), lists the numbered images with their drift, and
 * reads the numbers typed back, asking again with a hint until they are right. Enter alone keeps the
 * drift order. Where no person can be asked again (piped input), a wrong answer stops the run.
 */
public final class AskingPicker implements WinnerPicker {
    /** Where the answers come from. */
    @FunctionalInterface
    public interface Lines {
        /** One line typed after {@code prompt}; null at the end of the input; {@link Cancelled} on Ctrl-C. */
        String readLine(String prompt) throws IOException;
    }

    private final Lines in;
    private final Consumer<String> say;
    private final Consumer<Path> show;
    private final boolean askAgain;

    /**
     * @param say      prints one line to the user
     * @param show     shows the contact sheet inline (may do nothing: its path is printed anyway)
     * @param askAgain whether a wrong answer is asked again (a person at a terminal) or stops the run (piped input)
     */
    public AskingPicker(Lines in, Consumer<String> say, Consumer<Path> show, boolean askAgain) {
        this.in = in;
        this.say = say;
        this.show = show;
        this.askAgain = askAgain;
    }

    @Override
    public List<Integer> pick(Request r) {
        int n = r.candidates().size();
        say.accept(r.where() + ": choose " + r.top() + " of " + n + " images. Contact sheet: " + r.contactSheet());
        show.accept(r.contactSheet());
        for (Candidate c : r.candidates()) {
            say.accept(String.format(Locale.ROOT, "  %2d  %s%s", c.number(), c.file().getFileName(),
                    c.drift() == null ? "" : String.format(Locale.ROOT, "  drift %.3f", c.drift())));
        }
        say.accept("Type " + r.top() + " number" + (r.top() == 1 ? "" : "s") + " (e.g. " + Picks.example(n, r.top())
                + "); Enter alone keeps the drift order; Ctrl-C cancels the run (paid images are kept).");
        while (true) {
            String line;
            try {
                line = in.readLine("pick " + r.top() + " of " + n + "> ");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                throw new PipelineException(r.where() + ": the input ended before the winners were chosen. The explored images are kept "
                        + "in the run folder. Fix: run again and type " + r.top() + " numbers (e.g. " + Picks.example(n, r.top())
                        + "), or write pick: [" + Picks.example(n, r.top()).replace(" ", ", ") + "] or by: 'drift' in the pipeline.");
            }
            Picks.Parsed parsed = Picks.parse(line, n, r.top());
            if (parsed.ok()) {
                if (parsed.numbers().isEmpty()) {
                    say.accept("nothing typed: keeping the drift order");
                }
                return parsed.numbers();
            }
            if (!askAgain) {
                throw new PipelineException(r.where() + ": '" + line.strip() + "' does not choose the winners: " + parsed.problem()
                        + ". The explored images are kept in the run folder; run again with the right numbers.");
            }
            say.accept(parsed.problem());
        }
    }
}
