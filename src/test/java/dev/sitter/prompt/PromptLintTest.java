package dev.sitter.prompt;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CharacterDef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PromptLintTest {
    private static CharacterDef withAnchors(String... poses) {
        List<AnchorImage> a = new ArrayList<>();
        for (int i = 0; i < poses.length; i++) a.add(new AnchorImage("a" + i + ".png", String.valueOf(i).repeat(64), poses[i]));
        return new CharacterDef("mara", "Mara", null, null, null, null, List.of(), List.of(), a, null);
    }

    @Test void aNearVariantOfTheIdentityAnchorIsLabelNoise() {
        String handWritten = "portrait of Mara Voss, aged 34, olive-skinned, short black bob with silver streak, green eyes, "
                + "a scar on her left cheek, freckles, calm and confident, film noir";
        List<String> w = PromptLint.handWritten(handWritten, List.of(Fixtures.mara()));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("this prompt contains a near-copy of the identity anchor of 'mara'"), w.get(0));
        assertTrue(w.get(0).contains("write `mara` instead"), w.get(0));
    }

    @Test void anExactCopyIsFlaggedMoreMildly() {
        String text = Fixtures.mara().identity() + ", in the rain";
        List<String> w = PromptLint.handWritten(text, List.of(Fixtures.mara()));
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("this prompt repeats the identity anchor of 'mara' by hand"), w.get(0));
    }

    @Test void unrelatedTextIsNotFlagged() {
        assertTrue(PromptLint.handWritten("a lighthouse on a cliff at dusk, green sea, black rocks", List.of(Fixtures.mara())).isEmpty());
        assertTrue(PromptLint.handWritten("wearing a red coat, in the rain", List.of(Fixtures.mara())).isEmpty());
    }

    @Test void threeToFiveAnchorsWithAllPosesIsClean() {
        assertTrue(PromptLint.anchors(withAnchors("frontal", "three-quarter", "profile")).isEmpty());
        assertTrue(PromptLint.anchors(withAnchors("frontal", "three-quarter", "profile", "frontal", "profile")).isEmpty());
    }

    @Test void tooFewOrTooManyAnchors() {
        List<String> few = PromptLint.anchors(withAnchors("frontal", "profile"));
        assertTrue(few.get(0).startsWith("character 'mara' has 2 anchor images; 3 to 5"), few.toString());
        List<String> many = PromptLint.anchors(withAnchors("frontal", "three-quarter", "profile", "frontal", "profile", "frontal"));
        assertTrue(many.get(0).startsWith("character 'mara' has 6 anchor images; more than 5"), many.toString());
    }

    @Test void missingAndUnlabelledPoses() {
        List<String> w = PromptLint.anchors(withAnchors("frontal", "frontal", null));
        assertTrue(w.stream().anyMatch(x -> x.contains("1 anchor image has no pose")), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.contains("has no three-quarter or profile anchor")), w.toString());
    }
}
