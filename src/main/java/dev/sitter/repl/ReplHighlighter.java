package dev.sitter.repl;

import dev.sitter.repl.GroovyLexer.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Colours the input as it is typed: DSL keywords, Groovy keywords, strings, numbers, comments, the
 * ids of definitions (so a typo'd id stays uncoloured) and slash commands. Works from the shared
 * {@link GroovyLexer} tokens only; cheap enough for every keypress.
 */
final class ReplHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle GROOVY = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle ID = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);

    private static final Set<String> GROOVY_KEYWORDS = Set.of("def", "var", "if", "else", "for", "while", "in", "return",
            "true", "false", "null", "new", "import", "class", "break", "continue", "switch", "case", "default", "try",
            "catch", "finally", "throw", "as", "instanceof");

    private final Supplier<Set<String>> dslKeywords;
    private final Supplier<Set<String>> ids;

    /**
     * @param dslKeywords the DSL's keywords (from the keyword docs)
     * @param ids         the defined ids and session variables that name definitions
     */
    ReplHighlighter(Supplier<Set<String>> dslKeywords, Supplier<Set<String>> ids) {
        this.dslKeywords = dslKeywords;
        this.ids = ids;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    AttributedString highlight(String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (ReplParser.isSlashCommand(buffer)) {
            int end = buffer.indexOf(' ');
            if (end < 0) end = buffer.length();
            sb.styled(COMMAND, buffer.substring(0, end)).append(buffer.substring(end));
            return sb.toAttributedString();
        }
        Set<String> keywords = dslKeywords.get();
        Set<String> known = ids.get();
        for (Token t : GroovyLexer.tokens(buffer)) {
            AttributedStyle style = switch (t.kind()) {
                case STRING -> known.contains(stringContent(t)) ? STRING.bold() : STRING;
                case NUMBER -> NUMBER;
                case COMMENT -> COMMENT;
                case IDENT -> keywords.contains(t.text()) ? KEYWORD
                        : GROOVY_KEYWORDS.contains(t.text()) ? GROOVY
                        : known.contains(t.text()) ? ID : AttributedStyle.DEFAULT;
                default -> AttributedStyle.DEFAULT;
            };
            sb.styled(style, t.text());
        }
        return sb.toAttributedString();
    }

    private static String stringContent(Token t) {
        int q = t.quote().length();
        int end = t.closed() ? t.text().length() - q : t.text().length();
        return end < q ? "" : t.text().substring(q, end);
    }

    /** All ids of a definitions map, flattened. */
    static Set<String> flatten(Map<String, java.util.List<String>> definitions) {
        Set<String> out = new java.util.HashSet<>();
        definitions.values().forEach(out::addAll);
        return out;
    }
}
