package dev.sitter.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * Who chooses the winners of {@code select top: 2, by: 'ask'}: the console asks the user (contact
 * sheet, numbered images, the numbers typed back); {@code sitter run} asks on its terminal. A run
 * with nobody to ask is refused before anything is paid.
 */
public interface WinnerPicker {
    /**
     * The images to choose from, numbered from 1 in explore order (as on the contact sheet and as
     * {@code pick: [1, 4]} counts them).
     *
     * @param where        "pipeline 'pack' line 3", for the prompt
     * @param contactSheet the numbered contact sheet of the candidates (a PNG in the run folder)
     * @param candidates   the images, numbered 1..n
     * @param top          how many to choose
     */
    record Request(String where, Path contactSheet, List<Candidate> candidates, int top) {}

    /** One image on offer: its number, its file, and its drift score when the run has references. */
    record Candidate(int number, Path file, Double drift) {}

    /**
     * Returns the chosen numbers ({@code top} distinct ones in 1..n, in the order typed), or an
     * empty list to keep the drift order. Throws {@link Cancelled} when the user cancels the run.
     */
    List<Integer> pick(Request request);

    /** The user cancelled (Ctrl-C) instead of choosing. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled while choosing the winners", null, false, false);
        }
    }

    /**
     * A picker set later, by whoever can ask (the console, once its reader exists), and none until
     * then: the Studio is built before the console that answers its questions.
     */
    final class Relay implements WinnerPicker {
        private volatile WinnerPicker target;

        public void set(WinnerPicker picker) {
            this.target = picker;
        }

        public WinnerPicker target() {
            return target;
        }

        @Override
        public List<Integer> pick(Request request) {
            WinnerPicker t = target;
            if (t == null) {
                throw new IllegalStateException("nobody to ask: check for a picker before the run");
            }
            return t.pick(request);
        }
    }
}
