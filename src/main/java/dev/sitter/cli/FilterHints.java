package dev.sitter.cli;

import dev.sitter.library.IndexEntry;
import dev.sitter.library.Query;
import dev.sitter.util.Levenshtein;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Why a filter matched nothing, when it is one with a vocabulary the library knows (step,
 * character, style): "no asset has step 'grde' (did you mean 'grade'?); steps in this library:
 * explore, refine". A value that some asset has gets no line: then it is the combination that is
 * empty, which the plain "no matching assets" already says.
 */
final class FilterHints {
    private FilterHints() {}

    /** How many known values a hint lists before it says "and N more". */
    static final int SHOWN = 12;

    static List<String> forQuery(Query q, Collection<IndexEntry> all) {
        List<String> hints = new ArrayList<>();
        hint(hints, "step", "steps", q.step(), all, IndexEntry::step);
        hint(hints, "character", "characters", q.character(), all, IndexEntry::character);
        hint(hints, "style", "styles", q.style(), all, IndexEntry::style);
        return hints;
    }

    private static void hint(List<String> hints, String what, String plural, String wanted, Collection<IndexEntry> all,
                             Function<IndexEntry, String> field) {
        if (wanted == null) return;
        TreeSet<String> known = new TreeSet<>();
        for (IndexEntry e : all) {
            String v = field.apply(e);
            if (v != null && !v.isBlank()) known.add(v);
        }
        if (known.contains(wanted)) return;
        StringBuilder sb = new StringBuilder("no asset has " + what + " '" + wanted + "'");
        String close = closest(wanted, known);
        if (close != null) sb.append(" (did you mean '").append(close).append("'?)");
        if (known.isEmpty()) {
            sb.append("; no asset in this library records a ").append(what);
        } else {
            List<String> shown = new ArrayList<>(known).subList(0, Math.min(SHOWN, known.size()));
            sb.append("; ").append(plural).append(" in this library: ").append(String.join(", ", shown));
            if (known.size() > SHOWN) sb.append(", and ").append(known.size() - SHOWN).append(" more");
        }
        hints.add(sb.toString());
    }

    /** The known value nearest to {@code word} (case-insensitive), when near enough to be a typo. */
    static String closest(String word, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = Levenshtein.distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestD) { bestD = d; best = k; }
        }
        return best != null && bestD <= Math.max(1, Math.min(3, word.length() / 3)) ? best : null;
    }
}
