package dev.sitter.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplParserTest {
    private final ReplParser parser = new ReplParser();

    private EOFError eof(String buffer) {
        return assertThrows(EOFError.class, () -> parser.parse(buffer, buffer.length(), ParseContext.ACCEPT_LINE));
    }

    private void accepts(String buffer) {
        assertDoesNotThrow(() -> parser.parse(buffer, buffer.length(), ParseContext.ACCEPT_LINE), buffer);
    }

    @Test
    void openClosureContinuesUntilItCloses() {
        assertEquals("}", eof("character('mara') {").getMissing());
        assertEquals("}", eof("character('mara') {\n  name 'Mara'").getMissing());
        accepts("character('mara') {\n  name 'Mara'\n}");
    }

    @Test
    void nestedBracketsReportEveryMissingCloser() {
        assertEquals(")}", eof("character('m') {\n anchors(").getMissing());
        assertEquals("]", eof("def xs = [1, 2,").getMissing());
    }

    @Test
    void bracketsInsideStringsAndCommentsDoNotCount() {
        accepts("name 'a { b'");
        accepts("name \"(\" // {");
        accepts("x = 1 /* ( */");
    }

    @Test
    void tripleQuotedStringAndBlockCommentContinue() {
        assertEquals("'''", eof("def s = '''first line").getMissing());
        accepts("def s = '''first line\nsecond'''");
        assertEquals("*/", eof("/* a comment\n that goes on").getMissing());
    }

    @Test
    void oneLineStringBrokenByEnterGoesToTheCompiler() {
        // Groovy's '...' cannot span lines; waiting would only make the error harder to see.
        accepts("name 'Mara");
    }

    @Test
    void slashCommandsNeverContinue() {
        accepts("/save session {");
        assertTrue(ReplParser.isComplete("/load x("));
    }

    @Test
    void strayCloserIsLeftToTheCompiler() {
        accepts("x = 1)");
        assertTrue(ReplParser.isComplete("}"));
        assertFalse(ReplParser.isComplete("{"));
    }

    @Test
    void wordInsideAStringIsItsText() {
        String line = "image 'anchors/ma";
        ParsedLine p = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals("anchors/ma", p.word());
        assertEquals(10, p.wordCursor());
        assertEquals("anchors/mara.png'", ((ReplParser.Line) p).escape("anchors/mara.png", true));
    }

    @Test
    void emptyWordBetweenWords() {
        String line = "generate mara, ";
        ParsedLine p = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals("", p.word());
        assertEquals(List.of("generate", "mara", ",", ""), p.words());
        assertEquals(3, p.wordIndex());
    }

    @Test
    void slashLinesSplitOnSpaces() {
        String line = "/load dsl-examples/quick";
        ParsedLine p = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals(List.of("/load", "dsl-examples/quick"), p.words());
        assertEquals("dsl-examples/quick", p.word());
        assertEquals(1, p.wordIndex());
    }
}
