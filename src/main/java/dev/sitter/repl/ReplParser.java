package dev.sitter.repl;

import dev.sitter.repl.GroovyLexer.Kind;
import dev.sitter.repl.GroovyLexer.Token;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The console's JLine parser. On Enter it raises {@link EOFError} while a bracket, a closure, a
 * triple-quoted string or a block comment is still open, so JLine keeps reading lines (with the
 * missing closer in the continuation prompt). For Tab it splits the buffer into Groovy-aware words:
 * inside a string the word is the string's text (so {@code image 'anchors/ma<Tab>} completes a
 * path), elsewhere an identifier or a slash command.
 */
final class ReplParser implements Parser {

    /** A console command: a slash followed by a letter ({@code /save}); {@code //} and {@code /*} are comments. */
    static boolean isSlashCommand(String buffer) {
        String s = buffer.stripLeading();
        return s.length() > 1 && s.charAt(0) == '/' && Character.isLetter(s.charAt(1));
    }

    /** Whether a buffer is ready to evaluate; the piped console uses this instead of EOFError. */
    static boolean isComplete(String buffer) {
        if (isSlashCommand(buffer)) return true;
        return GroovyLexer.openness(GroovyLexer.tokens(buffer)).complete();
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        List<Token> tokens = GroovyLexer.tokens(line);
        // SECONDARY_PROMPT is JLine asking what is missing, for the continuation prompt ("} > ").
        if ((context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) && !isSlashCommand(line)) {
            GroovyLexer.Openness open = GroovyLexer.openness(tokens);
            if (!open.complete()) {
                int lineNo = (int) line.chars().filter(c -> c == '\n').count();
                throw new EOFError(lineNo, line.length() - line.lastIndexOf('\n') - 1,
                        "missing " + open.missing(), open.missing());
            }
        }
        return Line.of(line, cursor, tokens);
    }

    /** A parsed buffer: its words (identifiers, numbers, string contents, punctuation) and the word at the cursor. */
    record Line(String line, int cursor, List<String> words, int wordIndex, String word, int wordCursor,
                String closingQuote) implements CompletingParsedLine {

        static Line of(String line, int cursor, List<Token> tokens) {
            if (isSlashCommand(line) || line.strip().equals("/")) return ofSlash(line, cursor);
            List<String> words = new ArrayList<>();
            int wordIndex = -1;
            String word = "";
            int wordCursor = 0;
            String closingQuote = null;
            int before = 0; // words that end at or before the cursor, for an empty word between them
            for (Token t : tokens) {
                if (t.kind() == Kind.SPACE || t.kind() == Kind.NEWLINE || t.kind() == Kind.COMMENT) continue;
                int contentStart = t.start();
                int contentEnd = t.end();
                if (t.kind() == Kind.STRING) {
                    contentStart += t.quote().length();
                    contentEnd = t.closed() ? t.end() - t.quote().length() : t.end();
                    if (contentEnd < contentStart) contentEnd = contentStart;
                }
                words.add(line.substring(contentStart, contentEnd));
                if (t.end() <= cursor) before++;
                boolean wordy = t.kind() != Kind.PUNCT;
                if (wordIndex < 0 && wordy && contentStart <= cursor && cursor <= contentEnd) {
                    wordIndex = words.size() - 1;
                    word = words.get(wordIndex);
                    wordCursor = cursor - contentStart;
                    if (t.kind() == Kind.STRING && !t.closed()) closingQuote = t.quote();
                }
            }
            if (wordIndex < 0) {
                // The cursor sits between words (after a space, a comma, a bracket): an empty word.
                words.add(before, "");
                wordIndex = before;
            }
            return new Line(line, cursor, List.copyOf(words), wordIndex, word, wordCursor, closingQuote);
        }

        /** Slash commands are split on spaces, so a path like {@code a/b-c.groovy} is one word. */
        static Line ofSlash(String line, int cursor) {
            List<String> words = new ArrayList<>();
            int wordIndex = -1;
            String word = "";
            int wordCursor = 0;
            int before = 0;
            int i = 0;
            while (i < line.length()) {
                if (Character.isWhitespace(line.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) i++;
                words.add(line.substring(start, i));
                if (i <= cursor) before++;
                if (wordIndex < 0 && start <= cursor && cursor <= i) {
                    wordIndex = words.size() - 1;
                    word = words.get(wordIndex);
                    wordCursor = cursor - start;
                }
            }
            if (wordIndex < 0) {
                words.add(before, "");
                wordIndex = before;
            }
            return new Line(line, cursor, List.copyOf(words), wordIndex, word, wordCursor, null);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            // Inside an open string, a finished candidate also closes the string.
            return complete && closingQuote != null ? candidate + closingQuote : candidate;
        }

        @Override public int rawWordCursor() { return wordCursor; }

        @Override public int rawWordLength() { return word.length(); }
    }
}
