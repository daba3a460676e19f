package dev.sitter.model;

import java.util.List;
import java.util.regex.Pattern;

/** Whitespace rules shared by every prompt fragment, so equal words always give equal bytes. */
public final class Tokens {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Tokens() {}

    /** Trims and collapses runs of whitespace (including newlines and tabs) to one space; null gives "". */
    public static String normalise(String text) {
        if (text == null) return "";
        String t = text.strip();
        // Most tokens are already clean: skip the regex when there is nothing to collapse.
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || (i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))))) {
                return WHITESPACE.matcher(t).replaceAll(" ");
            }
        }
        return t;
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
