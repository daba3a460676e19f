package dev.sitter.model;

import java.util.List;

/** Whitespace rules shared by every prompt fragment, so equal words always give equal bytes. */
public final class Tokens {
    private Tokens() {}

    /** Trims and collapses runs of whitespace (including newlines and tabs) to one space; null gives "". */
    public static String normalise(String text) {
        if (text == null) return "";
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Normalises each token, drops empty ones, joins with ", ". */
    public static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            String n = normalise(t);
            if (n.isEmpty()) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(n);
        }
        return sb.toString();
    }
}
