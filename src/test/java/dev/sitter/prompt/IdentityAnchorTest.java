package dev.sitter.prompt;

import dev.sitter.model.CharacterDef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The identity anchor order is fixed and documented: name, age, skin, hair, eyes, features, affect. */
class IdentityAnchorTest {
    @Test void fixedOrderRegardlessOfHowTheScriptWroteIt() {
        CharacterDef c = new CharacterDef("x", "Ana", 30, "pale skin", "red hair", "grey eyes",
                List.of("freckles", "gap tooth"), List.of("shy"), List.of(), null);
        assertEquals("Ana, 30 years old, pale skin, red hair, grey eyes, freckles, gap tooth, shy", c.identity());
    }

    @Test void missingFieldsAreSkippedAndWhitespaceNormalised() {
        CharacterDef c = new CharacterDef("x", "  Ana\n  Lind ", null, null, "red\thair", null,
                List.of(" ", "freckles"), List.of(), List.of(), null);
        assertEquals("Ana Lind, red hair, freckles", c.identity());
        assertEquals(c.identity(), c.getIdentity());
    }
}
