package dev.sitter.prompt;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CharacterDef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Advice, never errors: things that make portraits drift but that the API would accept.
 * <ul>
 *   <li>hand-written text that nearly repeats a character's identity anchor (label noise: write
 *       the character instead, so the anchor stays byte-identical);</li>
 *   <li>an anchor set of fewer than 3 or more than 5 images;</li>
 *   <li>anchor images with no pose label, or no frontal / three-quarter / profile view.</li>
 * </ul>
 */
public final class PromptLint {
    /** The views a balanced anchor set covers. */
    public static final List<String> RECOMMENDED_POSES = List.of("frontal", "three-quarter", "profile");
    static final double NEAR_VARIANT = 0.7;

    private PromptLint() {}

    /** Warnings about a character's anchor set. */
    public static List<String> anchors(CharacterDef c) {
        List<String> w = new ArrayList<>();
        int n = c.anchors().size();
        if (n < 3) {
            w.add("character '" + c.id() + "' has " + n + " anchor image" + (n == 1 ? "" : "s")
                    + "; 3 to 5 (frontal, three-quarter, profile) keep the face consistent");
        } else if (n > 5) {
            w.add("character '" + c.id() + "' has " + n + " anchor images; more than 5 dilute the Character Reference, keep the best 3 to 5");
        }
        Set<String> poses = new LinkedHashSet<>();
        int unlabelled = 0;
        for (AnchorImage a : c.anchors()) {
            if (a.pose() == null) unlabelled++;
            else poses.add(a.pose().toLowerCase(Locale.ROOT));
        }
        if (unlabelled > 0) {
            w.add("character '" + c.id() + "': " + unlabelled + " anchor image" + (unlabelled == 1 ? " has" : "s have")
                    + " no pose; label each, e.g. image 'front.png', pose: 'frontal'");
        }
        if (n > 0) {
            List<String> missing = RECOMMENDED_POSES.stream().filter(p -> !poses.contains(p)).toList();
            if (!missing.isEmpty() && unlabelled < n) {
                w.add("character '" + c.id() + "' has no " + String.join(" or ", missing) + " anchor; add "
                        + (missing.size() == 1 ? "one" : "them") + " for a consistent face from every angle");
            }
        }
        return w;
    }

    /**
     * Warnings when {@code text} contains a near-variant of a character's identity anchor: most of
     * its words, in a slightly different phrasing. An exact copy is also flagged, more mildly.
     */
    public static List<String> handWritten(String text, Collection<CharacterDef> characters) {
        List<String> w = new ArrayList<>();
        if (text == null || text.isBlank()) return w;
        List<String> words = words(text);
        for (CharacterDef c : characters) {
            String identity = c.identity();
            if (identity.isEmpty()) continue;
            if (text.contains(identity)) {
                w.add("this prompt repeats the identity anchor of '" + c.id() + "' by hand; write `" + c.id()
                        + "` instead so later edits to the character reach it");
                continue;
            }
            List<String> anchor = words(identity);
            double score = bestWindowOverlap(words, anchor);
            if (score >= NEAR_VARIANT) {
                w.add("this prompt contains a near-copy of the identity anchor of '" + c.id() + "' (" + Math.round(score * 100)
                        + "% of its words, phrased differently): small wording changes are label noise that makes the face drift;"
                        + " write `" + c.id() + "` instead (its anchor: \"" + identity + "\")");
            }
        }
        return w;
    }

    /** Largest share of the anchor's words found in any window of the text of the anchor's length (+50%). */
    static double bestWindowOverlap(List<String> text, List<String> anchor) {
        if (anchor.size() < 4 || text.isEmpty()) return 0;
        Set<String> anchorSet = new LinkedHashSet<>(anchor);
        int window = Math.min(text.size(), anchor.size() + anchor.size() / 2);
        double best = 0;
        for (int start = 0; start + window <= text.size(); start++) {
            Set<String> seen = new LinkedHashSet<>(text.subList(start, start + window));
            seen.retainAll(anchorSet);
            best = Math.max(best, (double) seen.size() / anchorSet.size());
        }
        return best;
    }

    static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(x -> !x.isEmpty()).toList();
    }
}
