package dev.sitter.repl;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplHighlighterTest {
    private final ReplHighlighter h = new ReplHighlighter(() -> Set.of("character", "generate", "hair"), () -> Set.of("mara"));

    private AttributedStyle styleAt(AttributedString s, String buffer, String token) {
        return s.styleAt(buffer.indexOf(token));
    }

    @Test
    void coloursKeywordsStringsNumbersCommentsAndIds() {
        String buffer = "generate mara, seed: 4242 // first try\ndef x = 'noir'";
        AttributedString s = h.highlight(buffer);
        assertEquals(buffer, s.toString(), "highlighting never changes the text");
        assertEquals(ReplHighlighter.KEYWORD, styleAt(s, buffer, "generate"));
        assertEquals(ReplHighlighter.ID, styleAt(s, buffer, "mara"));
        assertEquals(ReplHighlighter.NUMBER, styleAt(s, buffer, "4242"));
        assertEquals(ReplHighlighter.COMMENT, styleAt(s, buffer, "// first"));
        assertEquals(ReplHighlighter.GROOVY, styleAt(s, buffer, "def"));
        assertEquals(ReplHighlighter.STRING, styleAt(s, buffer, "'noir'"));
        assertEquals(AttributedStyle.DEFAULT, styleAt(s, buffer, "seed"));
    }

    @Test
    void aQuotedDefinedIdIsMarked() {
        String buffer = "character('mara') { }";
        assertEquals(ReplHighlighter.STRING.bold(), styleAt(h.highlight(buffer), buffer, "'mara'"));
    }

    @Test
    void slashCommands() {
        String buffer = "/save session.groovy";
        AttributedString s = h.highlight(buffer);
        assertEquals(ReplHighlighter.COMMAND, s.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT, s.styleAt(buffer.indexOf("session")));
    }
}
