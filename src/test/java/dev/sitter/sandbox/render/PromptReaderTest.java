package dev.sitter.sandbox.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PromptReaderTest {
    @Test
    void readsTheDesignDocsCharacter() {
        Identity id = PromptReader.identity("Mara Voss, 34 years old, olive skin, short black bob with a silver streak, green eyes, "
                + "scar on left cheek, light freckles, confident, calm, film noir, low-key lighting, photoreal", null);
        assertEquals(0xc79a6b, id.skin());
        assertEquals(0x1c1a1a, id.hair());
        assertEquals(Identity.HairLength.BOB, id.hairLength());
        assertEquals(0xc8c8cc, id.streak());
        assertEquals(0x3f8f4f, id.eyes());
        assertEquals(Identity.Side.LEFT, id.scar());
        assertEquals(1, id.freckles());
        assertEquals(Identity.Expression.CONFIDENT, id.expression());
        assertFalse(id.glasses());
    }

    @Test
    void negativePromptSwitchesFeaturesOff() {
        Identity id = PromptReader.identity("glasses, freckles, scar on right cheek", "glasses, scar");
        assertFalse(id.glasses());
        assertEquals(Identity.Side.NONE, id.scar());
        assertEquals(2, id.freckles());
    }

    @Test
    void styleTokensBeatPresetAndPresetBeatsModel() {
        assertEquals(Look.Kind.NOIR, PromptReader.look("portrait, film noir, photoreal", "CINEMATIC", null).kind());
        assertEquals(Look.Kind.ANIME, PromptReader.look("portrait", "ANIME", null).kind());
        assertEquals(Look.Kind.PAINTERLY, PromptReader.look("an oil painting", null, null).kind());
        assertEquals(Look.Kind.ANIME, PromptReader.look("portrait", null, "e71a1c2f-4f80-4800-934f-2c68979d8cc8").kind());
        assertEquals(Look.Kind.PHOTOREAL, PromptReader.look("portrait", null, null).kind());
        assertEquals(0xb02a2a, PromptReader.look("red leather jacket", null, null).clothing());
    }

    @Test
    void sameIdentityTextSameFaceLayout() {
        long a = PromptReader.identity("olive skin, green eyes, smiling", null).layoutSeed();
        long b = PromptReader.identity("green eyes, olive skin, calm", null).layoutSeed();
        long c = PromptReader.identity("pale skin, green eyes", null).layoutSeed();
        assertEquals(a, b, "expression and order do not change the face");
        assertNotEquals(a, c);
    }

    @Test
    void identityTextRoundTripsAndAnchorsPull() {
        Identity a = PromptReader.identity("olive skin, short black bob, green eyes, glasses", null);
        assertEquals(a, Identity.decode(a.encode()));
        Identity b = PromptReader.identity("pale skin, long blonde hair, blue eyes", null);
        Identity weak = b.towards(a, 0.3), strong = b.towards(a, 0.85);
        assertEquals(b.hairLength(), weak.hairLength());
        assertEquals(a.hairLength(), strong.hairLength());
        assertTrue(strong.glasses());
        assertNull(Identity.decode("garbage"));
    }

    @Test
    void cameraWordsSetFramingAndTurn() {
        Look close = PromptReader.look("close-up, three-quarter view", null, null);
        assertEquals(1.2, close.zoom(), 1e-9);
        assertEquals(0.55, close.turn(), 1e-9);
        assertEquals(0.95, PromptReader.look("in profile", null, null).turn(), 1e-9);
        assertEquals(0.8, PromptReader.look("half body", null, null).zoom(), 1e-9);
        assertTrue(Double.isNaN(PromptReader.look("portrait", null, null).turn()), "no camera words: the seed decides");
    }
}
