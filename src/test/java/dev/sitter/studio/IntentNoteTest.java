package dev.sitter.studio;

import dev.sitter.model.Provenance;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The journal tells paid edits apart by what they send, not by how their files are named: a run
 * killed in one folder and resumed from another must collect what it paid for, not pay again.
 */
class IntentNoteTest {
    private static final String MASK = "a".repeat(64), OTHER_MASK = "b".repeat(64), FROM = "c".repeat(64);

    private static Provenance.Operation inpaint(String maskPath, String sha, double strength) {
        return new Provenance.Operation("/generations", new TreeMap<>(Map.of("canvasRequestType", "INPAINT", "init_strength", strength)),
                new Provenance.Mask(maskPath, sha));
    }

    @Test
    void anInpaintIsTheSameIntentWhateverFolderNamesItsMask() {
        assertEquals(LeonardoStudio.intentNote(inpaint("masks/eyes.png", MASK, 0.5), null),
                LeonardoStudio.intentNote(inpaint("scripts/masks/eyes.png", MASK, 0.5), null));
        assertNotEquals(LeonardoStudio.intentNote(inpaint("masks/eyes.png", MASK, 0.5), null),
                LeonardoStudio.intentNote(inpaint("masks/eyes.png", OTHER_MASK, 0.5), null), "another mask is another job");
        assertNotEquals(LeonardoStudio.intentNote(inpaint("masks/eyes.png", MASK, 0.5), null),
                LeonardoStudio.intentNote(inpaint("masks/eyes.png", MASK, 0.6), null), "another strength is another job");
    }

    @Test
    void aCompositeIsTheSameIntentWhateverFolderNamesItsMask() {
        Provenance.Edit here = Provenance.Edit.composite(FROM, "masks/eyes.png", MASK, 6, 0.2);
        Provenance.Edit there = Provenance.Edit.composite(FROM, "eyes.png", MASK, 6, 0.2);
        assertEquals(LeonardoStudio.intentNote(null, here), LeonardoStudio.intentNote(null, there));
        assertNotEquals(LeonardoStudio.intentNote(null, here),
                LeonardoStudio.intentNote(null, Provenance.Edit.composite(FROM, "masks/eyes.png", MASK, 6, 0.3)));
        assertNotEquals(LeonardoStudio.intentNote(null, here),
                LeonardoStudio.intentNote(null, Provenance.Edit.composite(OTHER_MASK, "masks/eyes.png", MASK, 6, 0.2)));
        assertNull(LeonardoStudio.intentNote(null, null), "a plain generation has no note");
    }
}
