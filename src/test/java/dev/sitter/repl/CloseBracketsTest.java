package dev.sitter.repl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A closing bracket dedents only when it is the first thing on its line; inside a line it keeps the spaces typed. */
class CloseBracketsTest {
    @Test
    void aCloserAfterTextKeepsTheSpaceBeforeIt() {
        assertEquals(0, CloseBrackets.toRemove("template('x') {\n    size 512, 768 ", 2));
        assertEquals(0, CloseBrackets.toRemove("prompt( 1 ", 2));
    }

    @Test
    void aCloserOnAnIndentedEmptyLineDedentsOneStep() {
        assertEquals(2, CloseBrackets.toRemove("template('x') {\n    size 512, 768\n    ", 2));
        assertEquals(1, CloseBrackets.toRemove("anchors {\n ", 2));
        assertEquals(0, CloseBrackets.toRemove("anchors {\n", 2));
    }
}
