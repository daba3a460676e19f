package dev.sitter.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small, forgiving Groovy tokenizer for the console's editing features: the continuation parser,
 * the highlighter, the completer and the seed rewriter all read the same tokens, so they agree on
 * what is a string, a comment or a bracket. It never fails: an unclosed string or comment becomes a
 * token that runs to the end and is marked {@link Token#closed() open}.
 *
 * <p>It is not the Groovy grammar (the engine's compiler is the judge of that); it only knows
 * strings ({@code '..'}, {@code ".."}, triple-quoted, {@code $/../$} is treated as code), comments,
 * numbers, identifiers and single-character punctuation.
 */
final class GroovyLexer {
    enum Kind { IDENT, NUMBER, STRING, COMMENT, PUNCT, SPACE, NEWLINE }

    /**
     * One token.
     *
     * @param closed false for a string or block comment that the text ends inside
     * @param quote  for strings, the opening delimiter ({@code '}, {@code "}, {@code '''}, {@code """})
     */
    record Token(Kind kind, int start, int end, String text, boolean closed, String quote) {
        boolean is(char c) { return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c; }
    }

    private GroovyLexer() {}

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == '\n') {
                out.add(new Token(Kind.NEWLINE, i, i + 1, "\n", true, null));
                i++;
            } else if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\n') i++;
                out.add(new Token(Kind.SPACE, start, i, s.substring(start, i), true, null));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
                out.add(new Token(Kind.COMMENT, start, i, s.substring(start, i), true, null));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.add(new Token(Kind.COMMENT, start, i, s.substring(start, i), close >= 0, null));
            } else if (c == '\'' || c == '"') {
                String quote = s.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                int end = endOfString(s, i + quote.length(), quote);
                boolean closed = end >= 0;
                i = closed ? end : -end - 1;
                out.add(new Token(Kind.STRING, start, i, s.substring(start, i), closed, quote));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) i++;
                out.add(new Token(Kind.IDENT, start, i, s.substring(start, i), true, null));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || (s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) i++;
                out.add(new Token(Kind.NUMBER, start, i, s.substring(start, i), true, null));
            } else {
                out.add(new Token(Kind.PUNCT, i, i + 1, String.valueOf(c), true, null));
                i++;
            }
        }
        return out;
    }

    /**
     * Index just past the closing quote; or, when the string does not close, {@code -(end + 1)} where
     * end is where it stops: the end of the text, or for a one-line '..' / ".." string the newline
     * (Groovy strings in single quotes cannot span lines, so the next line is code again).
     */
    private static int endOfString(String s, int i, String quote) {
        boolean single = quote.length() == 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                i += 2;
                continue;
            }
            if (single && c == '\n') return -(i + 1);
            if (s.startsWith(quote, i)) return i + quote.length();
            i++;
        }
        return -(s.length() + 1);
    }

    /** What keeps a buffer from being a complete statement: open brackets, an open string or comment. */
    record Openness(Deque<Character> brackets, Token openToken) {
        boolean complete() { return brackets.isEmpty() && openToken == null; }

        /** What the user still has to type, e.g. {@code "}"} or {@code "'"}. */
        String missing() {
            if (openToken != null) return openToken.kind() == Kind.COMMENT ? "*/" : openToken.quote();
            StringBuilder sb = new StringBuilder();
            for (char c : brackets) sb.append(closer(c));
            return sb.toString();
        }
    }

    static Openness openness(List<Token> tokens) {
        Deque<Character> stack = new ArrayDeque<>();
        Token open = null;
        for (Token t : tokens) {
            if (!t.closed() && (t.kind() == Kind.STRING || t.kind() == Kind.COMMENT)) {
                // Only a triple-quoted string or a block comment can go on over the next line; a
                // '..' string broken by Enter is a mistake the compiler reports with its column.
                if (t.kind() == Kind.COMMENT || t.quote().length() == 3) open = t;
                continue;
            }
            if (t.kind() != Kind.PUNCT) continue;
            char c = t.text().charAt(0);
            if (c == '(' || c == '[' || c == '{') {
                stack.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                // A stray closer is the compiler's business (it reports the exact spot); don't wait for more.
                if (!stack.isEmpty() && closer(stack.peek()) == c) stack.pop();
            }
        }
        return new Openness(stack, open);
    }

    static char closer(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }

    /** The token that contains {@code pos} or ends exactly at it, or null. */
    static Token at(List<Token> tokens, int pos) {
        Token found = null;
        for (Token t : tokens) {
            if (t.start() < pos && pos <= t.end()) found = t;
            if (t.start() >= pos) break;
        }
        return found;
    }
}
