package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the winners a user typed ({@code 1 4}, {@code 1,4} or {@code 1, 4}) against how many images
 * there are and how many to keep. An empty answer means "keep the drift order"; anything else that
 * is not exactly {@code top} distinct numbers in 1..n is refused with a hint saying what to type.
 */
public final class Picks {
    /** The numbers chosen (empty: keep the drift order), or the problem with what was typed. */
    public record Parsed(List<Integer> numbers, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private Picks() {}

    public static Parsed parse(String typed, int count, int top) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return new Parsed(List.of(), null);
        }
        String example = example(count, top);
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String word : text.split("[\\s,;]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(word);
            } catch (NumberFormatException e) {
                return new Parsed(null, "'" + word + "' is not an image number; type " + top + " of the numbers 1-" + count + ", e.g. " + example);
            }
            if (n < 1 || n > count) {
                return new Parsed(null, n + " is not on the sheet (1-" + count + "); type e.g. " + example);
            }
            if (!chosen.add(n)) {
                return new Parsed(null, n + " is typed twice; type " + top + " different numbers, e.g. " + example);
            }
        }
        if (chosen.size() != top) {
            return new Parsed(null, "that is " + chosen.size() + " number" + (chosen.size() == 1 ? "" : "s") + ", and this step keeps " + top
                    + "; type " + top + ", e.g. " + example);
        }
        return new Parsed(new ArrayList<>(chosen), null);
    }

    /** "1 4"-style example for the hint: the first and last images, then those in between. */
    static String example(int count, int top) {
        List<String> nums = new ArrayList<>();
        if (top >= 1) {
            nums.add("1");
        }
        if (top >= 2) {
            nums.add(String.valueOf(Math.min(count, 4)));
        }
        for (int n = 2; nums.size() < top && n <= count; n++) {
            if (!nums.contains(String.valueOf(n))) {
                nums.add(String.valueOf(n));
            }
        }
        return String.join(" ", nums);
    }
}
