package dev.sitter.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DeclarativeValidatorTest {
    private final DeclarativeValidator validator = new DeclarativeValidator(DeclarativeGrammar.sitter());

    static List<HostileScripts.Case> hostile() {
        return HostileScripts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesHostileScript(HostileScripts.Case c) {
        System.clearProperty("sitter.pwned");
        ScriptRefusedException e = assertThrows(ScriptRefusedException.class,
                () -> validator.validate("scripts/evil.groovy", c.script(), Set.of()));
        assertTrue(e.getMessage().contains(c.expect()),
                () -> "message should mention '" + c.expect() + "': " + e.getMessage());
        assertTrue(e.getMessage().startsWith("pack script refused"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/evil.groovy"), e.getMessage());
        assertTrue(e.getMessage().contains("--trust"), "the message names the way out");
        assertFalse(e.violations().isEmpty());
        // nothing of the script ran, not even at "compile" time
        assertNull(System.getProperty("sitter.pwned"), "an annotation's code ran");
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(HostileScripts.all().size() >= 30, "the issue asks for at least 30 hostile scripts");
    }

    @Test
    void violationsNameTheLine() {
        String script = "character('a') {\n  name 'Mara'\n  hair 'x'.execute()\n}\n";
        ScriptRefusedException e = assertThrows(ScriptRefusedException.class,
                () -> validator.validate("chars/mara.groovy", script, Set.of()));
        assertEquals(1, e.violations().size());
        ScriptViolation v = e.violations().get(0);
        assertEquals("chars/mara.groovy", v.file());
        assertEquals(3, v.line());
        assertTrue(e.getMessage().contains("chars/mara.groovy:3:"), e.getMessage());
    }

    @Test
    void collectsEveryViolationAtOnce() {
        String script = "import java.io.File\nclass A {}\nprintln 'x'\ncharacter('a') { name \"$x\" }\n";
        ScriptRefusedException e = assertThrows(ScriptRefusedException.class,
                () -> validator.validate("s.groovy", script, Set.of()));
        assertEquals(4, e.violations().size(), e.getMessage());
    }

    @Test
    void acceptsTheDesignDocumentsDefinitions() {
        String script = """
                character('mara') {
                    name 'Mara Voss'
                    age 34
                    skin 'olive skin'
                    hair "short black bob with a silver streak"
                    eyes 'green eyes'
                    features 'scar on left cheek', 'light freckles'
                    affect 'confident', 'calm'
                    anchors {
                        image 'anchors/mara/front.png', pose: 'frontal'
                        image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
                        image 'anchors/mara/profile.png', pose: 'profile'
                    }
                    reference strength: 'Mid'
                }
                style('noir') {
                    model 'Leonardo Kino XL'
                    preset 'CINEMATIC'
                    tokens 'film noir', 'low-key lighting', 'photoreal'
                    reference 'anchors/styles/noir.png', strength: 'High'
                }
                camera('portrait85')  { tokens '85mm f/1.8', 'shallow depth of field', 'head and shoulders' }
                negatives('hard')     { tokens 'extra fingers', 'mutated features', 'watermark', 'text' }
                template('canonical') {
                    style 'noir'
                    camera 'portrait85'
                    negatives 'hard'
                    size 832, 1216
                    guidance 7.5
                    poses 'frontal', 'profile'
                    extra([styleUUID: 'abc', contextImages: [[type: 'x', weight: -1]]])
                }
                pipeline('pack') {
                    explore count: 8, size: '512x768', steps: 15
                    select top: 2
                    refine strength: 0.35
                    qa 'eyes match the anchors', 'scar on the left cheek'
                    upscale mode: 'ultra'
                    grade lut: 'luts/teal-orange.cube'
                    export 'png', 'jpg'
                }
                generate mara, template: 'canonical', seed: 4242, count: 4
                prompt mara, template: 'canonical', seed: 7, count: 2
                """;
        ValidatedScript v = validator.validate("mara.groovy", script, Set.of());
        assertEquals(Set.of("mara", "noir", "portrait85", "hard", "canonical", "pack"), v.definedNames());
        assertEquals(Set.of("anchors/mara/front.png", "anchors/mara/three-quarter.png", "anchors/mara/profile.png",
                "anchors/styles/noir.png", "luts/teal-orange.cube"), v.paths());
    }

    @Test
    void includesAreCollectedAndNamesCarryOver() {
        ValidatedScript v = validator.validate("main.groovy",
                "include 'blocks/styles/noir.groovy'\ngenerate mara, template: 'canonical'\n", Set.of("mara"));
        assertEquals(List.of("blocks/styles/noir.groovy"), v.includes());
        assertTrue(v.paths().contains("blocks/styles/noir.groovy"));
    }

    @Test
    void bothParameterlessBlockFormsAreAccepted() {
        validator.validate("a.groovy", "character('a') { -> name 'x' }\ncharacter('b') { name 'y' }", Set.of());
    }
}
