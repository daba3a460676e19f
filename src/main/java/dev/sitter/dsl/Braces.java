package dev.sitter.dsl;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds an unbalanced brace, skipping strings and comments. Groovy reports a missing {@code }} at the
 * end of the file, far from the block that lacks it; this points at the {@code {} that was never closed.
 */
final class Braces {
    private Braces() {}

    /**
     * How many brackets ({@code { ( [}) are still open at the end of the text, skipping strings and
     * comments; an unterminated triple-quoted string or block comment counts as one open bracket.
     * Negative when more close than open.
     */
    static int open(String text) {
        int depth = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') i++;
            } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) return depth + 1;
                i = end + 1;
            } else if (ch == '\'' || ch == '"') {
                boolean triple = i + 2 < n && text.charAt(i + 1) == ch && text.charAt(i + 2) == ch;
                if (triple) {
                    int end = text.indexOf(String.valueOf(ch).repeat(3), i + 3);
                    if (end < 0) return depth + 1;
                    i = end + 2;
                } else {
                    int j = i + 1;
                    while (j < n && text.charAt(j) != ch && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
                    i = j;
                }
            } else if (ch == '{' || ch == '(' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ')' || ch == ']') {
                depth--;
            }
        }
        return depth;
    }

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
