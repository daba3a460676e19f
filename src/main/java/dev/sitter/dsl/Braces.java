package dev.sitter.dsl;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds an unbalanced brace, skipping strings and comments. Groovy reports a missing {@code }} at the
 * end of the file, far from the block that lacks it; this points at the {@code {} that was never closed.
 */
final class Braces {
    private Braces() {}

    /** {line, column, +1 for an unclosed '{' / -1 for an unmatched '}'}, or null when balanced. */
    static int[] unbalanced(String text) {
        Deque<int[]> open = new ArrayDeque<>();
        int line = 1, col = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            col++;
            if (ch == '\n') { line++; col = 0; continue; }
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') i++;
                continue;
            }
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2; col += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') { line++; col = 0; } else col++;
                    i++;
                }
                i++; col++;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                boolean triple = i + 2 < n && text.charAt(i + 1) == ch && text.charAt(i + 2) == ch;
                int j = i + (triple ? 3 : 1);
                while (j < n) {
                    char c = text.charAt(j);
                    if (c == '\\') { j += 2; continue; }
                    if (!triple && c == '\n') break; // unterminated: Groovy reports that one well itself
                    if (c == ch && (!triple || (j + 2 < n && text.charAt(j + 1) == ch && text.charAt(j + 2) == ch))) break;
                    if (c == '\n') { line++; col = 0; }
                    j++;
                }
                int end = j + (triple ? 2 : 0);
                col += end - i;
                i = end;
                continue;
            }
            if (ch == '{') open.push(new int[] {line, col});
            else if (ch == '}') {
                if (open.isEmpty()) return new int[] {line, col, -1};
                open.pop();
            }
        }
        if (open.isEmpty()) return null;
        int[] first = open.peekLast();
        // The innermost unclosed brace is the likeliest culprit for a block missing its end.
        int[] last = open.peek();
        int[] pick = last != null ? last : first;
        return new int[] {pick[0], pick[1], 1};
    }
}
