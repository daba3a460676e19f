package dev.sitter.sandbox;

import dev.sitter.sandbox.render.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word helpers for moderation: whole-word search, and a reproducible pick of a prompt word for the moderation fault. */
final class V1Words {
    private V1Words() {}

    static boolean containsWord(String text, String word) {
        for (String w : text.split("[^a-z0-9]+")) if (w.equals(word)) return true;
        return false;
    }

    /** The longest-ish word of the prompt chosen by a hash of the prompt, so the same prompt names the same word. */
    static String pick(String prompt) {
        List<String> words = new ArrayList<>();
        for (String w : prompt.toLowerCase(Locale.ROOT).split("[^a-z]+")) if (w.length() >= 4) words.add(w);
        if (words.isEmpty()) return "prompt";
        long h = SplitMix64.derive(7, prompt);
        return words.get((int) ((h >>> 1) % words.size()));
    }
}
