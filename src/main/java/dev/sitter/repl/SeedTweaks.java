package dev.sitter.repl;

import dev.sitter.repl.GroovyLexer.Kind;
import dev.sitter.repl.GroovyLexer.Token;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Seed tweaking by rewriting the source of a generation, so a re-run is an ordinary input: it goes
 * through the engine like a typed line and {@code /save} writes it, and the saved script replays to
 * the same requests. Only top-level commands are rewritten: {@code generate mara, seed: 4242},
 * {@code def shots = generate(mara, template: 'canonical')}.
 */
final class SeedTweaks {
    /** The commands that make a request with a seed. */
    static final Set<String> GENERATING = Set.of("generate", "prompt", "refine", "run");

    private SeedTweaks() {}

    /** Whether the input is one generating command, optionally assigned: {@code [def] x = generate ...}. */
    static boolean isGeneration(String source) {
        return commandToken(code(GroovyLexer.tokens(source))) != null;
    }

    /** The literal {@code seed:} value of a generating command, if it has one. */
    static OptionalLong seedOf(String source) {
        List<Token> code = code(GroovyLexer.tokens(source));
        int i = seedArg(code);
        if (i < 0 || i + 2 >= code.size() || code.get(i + 2).kind() != Kind.NUMBER) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(code.get(i + 2).text().replace("_", "").replaceAll("[lL]$", "")));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The same command with {@code seed: N}: the existing seed argument replaced, or one added at the end. */
    static String withSeed(String source, long seed) {
        List<Token> code = code(GroovyLexer.tokens(source));
        if (commandToken(code) == null) throw new IllegalArgumentException("not a generating command: " + source);
        int i = seedArg(code);
        if (i >= 0) {
            // seed: <expr>: replace everything up to the next top-level comma or the end of the call.
            int from = code.get(i + 1).end();
            int to = endOfArgument(code, i + 2, source.length());
            return source.substring(0, from) + " " + seed + source.substring(to);
        }
        int cmd = code.indexOf(commandToken(code));
        if (cmd + 1 < code.size() && code.get(cmd + 1).is('(')) {
            int close = matchingClose(code, cmd + 1);
            if (close > 0) {
                String sep = close == cmd + 2 ? "" : ", ";
                int at = code.get(close).start();
                return source.substring(0, at) + sep + "seed: " + seed + source.substring(at);
            }
        }
        Token last = code.get(code.size() - 1);
        if (last.is(';') && code.size() > 1) last = code.get(code.size() - 2);
        String sep = last == code.get(cmd) ? " " : ", ";
        return source.substring(0, last.end()) + sep + "seed: " + seed + source.substring(last.end());
    }

    private static int matchingClose(List<Token> code, int open) {
        int depth = 0;
        for (int j = open; j < code.size(); j++) {
            Token u = code.get(j);
            if (u.is('(') || u.is('[') || u.is('{')) depth++;
            else if (u.is(')') || u.is(']') || u.is('}')) {
                if (--depth == 0) return j;
            }
        }
        return -1;
    }

    /** Tokens without whitespace and comments. */
    private static List<Token> code(List<Token> tokens) {
        return tokens.stream().filter(t -> t.kind() != Kind.SPACE && t.kind() != Kind.NEWLINE && t.kind() != Kind.COMMENT).toList();
    }

    private static Token commandToken(List<Token> code) {
        if (code.isEmpty()) return null;
        int i = 0;
        if (code.get(0).kind() == Kind.IDENT && code.get(0).text().equals("def")) i++;
        if (i + 1 < code.size() && code.get(i).kind() == Kind.IDENT && code.get(i + 1).is('=')
                && !(i + 2 < code.size() && code.get(i + 2).is('='))) i += 2;
        if (i >= code.size()) return null;
        Token t = code.get(i);
        if (t.kind() != Kind.IDENT || !GENERATING.contains(t.text())) return null;
        // One statement only: a ';' or a second statement at depth 0 makes the rewrite ambiguous.
        int depth = 0;
        for (int j = i + 1; j < code.size(); j++) {
            Token u = code.get(j);
            if (u.is('(') || u.is('[') || u.is('{')) depth++;
            else if (u.is(')') || u.is(']') || u.is('}')) depth--;
            else if (u.is(';') && depth == 0 && j != code.size() - 1) return null;
        }
        return t;
    }

    /** Index of the {@code seed} identifier of a top-level {@code seed:} named argument, or -1. */
    private static int seedArg(List<Token> code) {
        Token cmd = commandToken(code);
        if (cmd == null) return -1;
        int start = code.indexOf(cmd) + 1;
        int depth = start < code.size() && code.get(start).is('(') ? -1 : 0;
        for (int j = start; j + 1 < code.size(); j++) {
            Token u = code.get(j);
            if (u.is('(') || u.is('[') || u.is('{')) depth++;
            else if (u.is(')') || u.is(']') || u.is('}')) depth--;
            else if (depth == 0 && u.kind() == Kind.IDENT && u.text().equals("seed") && code.get(j + 1).is(':')) return j;
        }
        return -1;
    }

    private static int endOfArgument(List<Token> code, int from, int sourceEnd) {
        int depth = 0;
        for (int j = from; j < code.size(); j++) {
            Token u = code.get(j);
            if (u.is('(') || u.is('[') || u.is('{')) depth++;
            else if (u.is(')') || u.is(']') || u.is('}')) {
                if (depth == 0) return u.start();
                depth--;
            } else if ((u.is(',') || u.is(';')) && depth == 0) return u.start();
        }
        return code.isEmpty() ? sourceEnd : code.get(code.size() - 1).end();
    }
}
