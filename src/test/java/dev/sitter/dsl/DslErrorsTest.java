package dev.sitter.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of broken script gives file:line:col, the source line with a caret, and one actionable sentence. */
class DslErrorsTest {
    @TempDir Path tmp;

    private DslException fail(String script) {
        Scripts s = Scripts.inExamples();
        return assertThrows(DslException.class, () -> s.eval(script));
    }

    private static void at(DslException e, int line, int col) {
        assertEquals("test.groovy", e.file(), e.render());
        assertEquals(line, e.line(), e.render());
        assertEquals(col, e.column(), e.render());
        String[] rendered = e.render().split("\n");
        assertEquals(3, rendered.length, e.render());
        assertTrue(rendered[0].startsWith("test.groovy:" + line + ":" + col + ": "), e.render());
        assertEquals(col - 1, rendered[2].indexOf('^') - 4, "caret under column " + col + ":\n" + e.render());
    }

    @Test void misspeltKeywordInACharacterSuggestsTheRightOne() {
        DslException e = fail("character('mara') {\n    name 'Mara'\n    hiar 'black bob'\n}\n");
        at(e, 3, 5);
        assertEquals("unknown keyword `hiar` in character 'mara' \u2014 did you mean `hair`?", e.sentence());
    }

    @Test void misspeltKeywordWrittenAsAPropertyIsCaughtToo() {
        DslException e = fail("character('mara') {\n    nmae\n}\n");
        at(e, 2, 5);
        assertTrue(e.sentence().startsWith("unknown keyword `nmae` in character 'mara' \u2014 did you mean `name`?"), e.sentence());
    }

    @Test void unknownTopLevelKeyword() {
        DslException e = fail("\ncharcter('mara') { name 'Mara' }\n");
        at(e, 2, 1);
        assertEquals("unknown keyword `charcter` \u2014 did you mean `character`?", e.sentence());
    }

    @Test void unknownKeywordInsideANestedBlock() {
        DslException e = fail("character('mara') {\n  anchors {\n    imgae 'anchors/mara/front.png'\n  }\n}\n");
        at(e, 3, 5);
        assertTrue(e.sentence().contains("`imgae` in anchors of character 'mara' \u2014 did you mean `image`?"), e.sentence());
    }

    @Test void wrongArgumentTypeForATextKeyword() {
        DslException e = fail("character('mara') {\n    hair 42\n}\n");
        at(e, 2, 5);
        assertTrue(e.sentence().startsWith("wrong argument for `hair` in character 'mara': got 42; write e.g. hair '"), e.sentence());
    }

    @Test void wrongArgumentTypeForANumberKeyword() {
        DslException e = fail("character('mara') {\n    age 'thirty'\n}\n");
        at(e, 2, 5);
        assertEquals("`age` in character 'mara' takes a whole number, e.g. age 34; got 'thirty'", e.sentence());
    }

    @Test void wrongArgumentsForATopLevelKeyword() {
        DslException e = fail("character(42) { name 'x' }\n");
        at(e, 1, 1);
        assertTrue(e.sentence().startsWith("wrong arguments for `character`: got 42, a { ... } block; write e.g. character('mara')"), e.sentence());
    }

    @Test void unknownOptionSuggestsTheRightOne() {
        DslException e = fail("character('mara') {\n  anchors {\n    image 'anchors/mara/front.png', poze: 'frontal'\n  }\n}\n");
        at(e, 3, 37);
        assertTrue(e.sentence().startsWith("unknown option `poze:` for `image` in anchors of character 'mara' \u2014 did you mean `pose:`?"), e.sentence());
    }

    @Test void missingAnchorFileNamesThePathAndTheFolder() {
        DslException e = fail("character('mara') {\n  anchors {\n    image 'anchors/mara/fornt.png', pose: 'frontal'\n  }\n}\n");
        at(e, 3, 12);
        assertTrue(e.sentence().startsWith("image 'anchors/mara/fornt.png' not found"), e.sentence());
        assertTrue(e.sentence().contains("relative to the folder of test.groovy"), e.sentence());
    }

    @Test void anchorThatIsNotAnImageIsRejectedBeforeAnyUpload() throws Exception {
        Files.writeString(tmp.resolve("notes.png"), "just text");
        Scripts s = new Scripts(tmp);
        DslException e = assertThrows(DslException.class, () -> s.eval("character('x') {\n  anchors { image 'notes.png' }\n}"));
        assertEquals(2, e.line());
        assertTrue(e.sentence().startsWith("'notes.png' is not a PNG, JPEG or WebP image"), e.sentence());
    }

    @Test void aTruncatedAnchorIsRejectedBeforeAnyUpload() throws Exception {
        byte[] good = Files.readAllBytes(Path.of("dsl-examples/anchors/mara/front.png"));
        Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(good, 2000));
        Scripts s = new Scripts(tmp);
        DslException e = assertThrows(DslException.class, () -> s.eval("character('x') {\n  anchors { image 'cut.png' }\n}"));
        assertEquals(2, e.line());
        assertTrue(e.sentence().startsWith("image 'cut.png' is damaged (PNG is truncated"), e.sentence());
        assertTrue(e.sentence().contains("export or download it again"), e.sentence());
        s.eval("character('y') {\n  anchors { image '" + Path.of("dsl-examples/anchors/mara/front.png").toAbsolutePath().toString().replace('\\', '/') + "' }\n}");
    }

    @Test void unknownTemplateIdSuggestsADefinedOne() {
        DslException e = fail(Scripts.MARA + Scripts.NOIR + "prompt mara, template: 'canonicle'\n");
        assertEquals(29, e.line(), e.render());
        assertTrue(e.sentence().startsWith("unknown template 'canonicle' \u2014 did you mean 'canonical'?"), e.sentence());
        assertTrue(e.render().contains("prompt mara, template: 'canonicle'"), e.render());
    }

    @Test void unknownStyleIdInATemplateNamesTheTemplate() {
        DslException e = fail(Scripts.MARA + Scripts.NOIR + "template('t') { style 'nior' }\nprompt mara, template: 't'\n");
        assertEquals(30, e.line(), e.render());
        assertEquals("template 't': unknown style 'nior' \u2014 did you mean 'noir'?", e.sentence());
    }

    @Test void sizeNotAMultipleOfEightNamesTheLimitAndTheFix() {
        DslException e = fail(Scripts.MARA + Scripts.NOIR + "template('t') { style 'noir'; size 830, 1216 }\nprompt mara, template: 't'\n");
        assertEquals(30, e.line());
        assertEquals("template 't': width 830 is not a multiple of 8 as Leonardo Kino XL requires: use 824 or 832"
                + " (the size is set at test.groovy:29)", e.sentence());
    }

    @Test void sizeOutOfRangeForTheModel() {
        DslException e = fail(Scripts.MARA + Scripts.NOIR + "template('t') { style 'noir'; size 2048, 1024 }\nprompt mara, template: 't'\n");
        assertTrue(e.sentence().contains("width 2048 is out of range for Leonardo Kino XL: use 32 to 1536, a multiple of 8"), e.sentence());
    }

    @Test void nonsenseSizeIsCaughtOnTheSizeLine() {
        DslException e = fail("template('t') {\n    size 0, 1216\n}\n");
        at(e, 2, 5);
        assertTrue(e.sentence().startsWith("invalid size in template 't': width 0"), e.sentence());
    }

    @Test void malformedSizeText() {
        DslException e = fail("template('t') {\n    size '832 by 1216'\n}\n");
        at(e, 2, 5);
        assertTrue(e.sentence().contains("takes WIDTHxHEIGHT like '832x1216'"), e.sentence());
    }

    @Test void unknownModelNameIsCaughtOnTheModelLine() {
        DslException e = fail("style('s') {\n    model 'Leonardo Kino X'\n}\n");
        at(e, 2, 12);
        assertEquals("unknown model 'Leonardo Kino X' in style 's' \u2014 did you mean 'Leonardo Kino XL'?", e.sentence());
    }

    @Test void unknownPresetSuggestsTheEnumValue() {
        DslException e = fail("style('s') {\n    preset 'CINEMATC'\n}\n");
        assertEquals("unknown preset 'CINEMATC' in style 's' \u2014 did you mean 'CINEMATIC'?", e.sentence());
    }

    @Test void unknownVariableSuggestsADefinition() {
        DslException e = fail(Scripts.MARA + "prompt mra\n");
        assertEquals(16, e.line());
        assertEquals(8, e.column());
        assertEquals("unknown name `mra` \u2014 did you mean `mara`?", e.sentence());
    }

    @Test void unterminatedStringIsASyntaxErrorOnItsLine() {
        DslException e = fail("character('mara') {\n    name 'Mara\n}\n");
        assertEquals(2, e.line(), e.render());
        assertTrue(e.sentence().startsWith("syntax error:"), e.sentence());
        assertTrue(e.sentence().contains("add the closing quote"), e.sentence());
    }

    @Test void missingClosingBracePointsAtTheBlockThatLacksIt() {
        DslException e = fail("character('mara') {\n    name 'Mara'\n\nstyle('noir') { tokens 'x' }\n");
        at(e, 1, 19);
        assertTrue(e.sentence().contains("the `{` here is never closed"), e.sentence());
    }

    @Test void strayClosingBrace() {
        DslException e = fail("character('mara') { name 'Mara' }\n}\n");
        at(e, 2, 1);
        assertTrue(e.sentence().contains("has no matching `{`"), e.sentence());
    }

    @Test void refineStrengthOutOfRange() {
        DslException e = fail("refine 'x', strength: 1.5\n");
        at(e, 1, 13);
        assertTrue(e.sentence().contains("must be 0.1 to 0.9"), e.sentence());
    }

    @Test void tooManyImagesForALargeSize() {
        DslException e = fail(Scripts.MARA + Scripts.NOIR + "prompt mara, template: 'canonical', count: 6\n");
        assertTrue(e.sentence().contains("count 6 is too many for 832x1216: Leonardo Kino XL makes at most 4 images per request when a side exceeds 768"),
                e.sentence());
    }

    @Test void runtimeErrorsAreLocatedToo() {
        DslException e = fail("def x = 1\ndef y = x / 0\n");
        at(e, 2, 1);
        assertTrue(e.sentence().startsWith("script error: "), e.sentence());
    }

    @Test void errorsInsideAnIncludedBlockPointIntoThatFile() throws Exception {
        Files.createDirectories(tmp.resolve("blocks"));
        Files.writeString(tmp.resolve("blocks/bad.groovy"), "// a block\nstyle('b') {\n    tokns 'x'\n}\n");
        Files.writeString(tmp.resolve("main.groovy"), "include 'blocks/bad.groovy'\n");
        Scripts s = new Scripts(tmp);
        DslException e = assertThrows(DslException.class, () -> s.shell.evalFile(tmp.resolve("main.groovy")));
        assertEquals("blocks/bad.groovy", e.file());
        assertEquals(3, e.line());
        assertTrue(e.sentence().contains("did you mean `tokens`?"), e.sentence());
    }

    @Test void missingIncludeSuggestsASiblingFile() {
        DslException e = fail("include 'blocks/styles/nior.groovy'\n");
        at(e, 1, 10);
        assertTrue(e.sentence().startsWith("cannot include 'blocks/styles/nior.groovy'"), e.sentence());
        assertTrue(e.sentence().contains("did you mean 'blocks/styles/noir.groovy'?"), e.sentence());
    }

    @Test void includeCycleIsReported() throws Exception {
        Files.writeString(tmp.resolve("a.groovy"), "include 'b.groovy'\n");
        Files.writeString(tmp.resolve("b.groovy"), "include 'a.groovy'\n");
        Scripts s = new Scripts(tmp);
        DslException e = assertThrows(DslException.class, () -> s.shell.evalFile(tmp.resolve("a.groovy")));
        assertTrue(e.sentence().contains("includes itself"), e.sentence());
    }

    @Test void generationWithoutAStudioSaysWhatToDoInstead() {
        DslException e = fail(Scripts.MARA + Scripts.NOIR + "generate mara, template: 'canonical'\n");
        assertEquals(29, e.line());
        assertTrue(e.sentence().startsWith("`generate` is not available yet"), e.sentence());
        assertTrue(e.sentence().contains("--dry-run"), e.sentence());
    }
}
