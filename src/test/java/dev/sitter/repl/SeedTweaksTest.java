package dev.sitter.repl;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedTweaksTest {
    @Test
    void recognisesGeneratingCommands() {
        assertTrue(SeedTweaks.isGeneration("generate mara, template: 'canonical'"));
        assertTrue(SeedTweaks.isGeneration("def shots = generate mara, seed: 1"));
        assertTrue(SeedTweaks.isGeneration("shots = prompt(mara, template: 't')"));
        assertFalse(SeedTweaks.isGeneration("character('mara') { }"));
        assertFalse(SeedTweaks.isGeneration("x == generate"));
        assertFalse(SeedTweaks.isGeneration("generate a, seed: 1; generate b, seed: 2"));
    }

    @Test
    void readsTheLiteralSeed() {
        assertEquals(OptionalLong.of(4242), SeedTweaks.seedOf("generate mara, template: 'c', seed: 4242, count: 4"));
        assertEquals(OptionalLong.empty(), SeedTweaks.seedOf("generate mara, template: 'c'"));
        assertEquals(OptionalLong.empty(), SeedTweaks.seedOf("generate mara, seed: base + 1"));
    }

    @Test
    void replacesAnExistingSeed() {
        assertEquals("generate mara, template: 'c', seed: 4243, count: 4",
                SeedTweaks.withSeed("generate mara, template: 'c', seed: 4242, count: 4", 4243));
        assertEquals("def s = generate(mara, seed: 9)", SeedTweaks.withSeed("def s = generate(mara, seed: base + 1)", 9));
    }

    @Test
    void addsASeedWhenThereIsNone() {
        assertEquals("generate mara, template: 'c', seed: 7", SeedTweaks.withSeed("generate mara, template: 'c'", 7));
        assertEquals("generate(mara, template: 'c', seed: 7)", SeedTweaks.withSeed("generate(mara, template: 'c')", 7));
        assertEquals("generate mara, seed: 7;  // first try", SeedTweaks.withSeed("generate mara;  // first try", 7));
    }

    @Test
    void seedCommandsShiftTheLastGeneration() {
        SeedState s = new SeedState(new Random(1));
        assertThrows(IllegalStateException.class, () -> s.shifted(1));
        s.remember("generate mara, seed: 10", null);
        assertEquals("generate mara, seed: 11", s.shifted(1));
        assertEquals("generate mara, seed: 9", s.shifted(-1));
        s.remember("generate mara, template: 't'", 500L);
        assertEquals("generate mara, template: 't', seed: 501", s.shifted(1));
        String random = s.randomized();
        long seed = SeedTweaks.seedOf(random).getAsLong();
        assertTrue(seed >= 0 && seed <= SeedState.MAX_SEED);
    }

    @Test
    void unknownSeedSaysWhatToDo() {
        SeedState s = new SeedState(new Random(1));
        s.remember("generate mara", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.shifted(1));
        assertTrue(e.getMessage().contains("/random"), e.getMessage());
    }

    @Test
    void lockRewritesGenerationsOnly() {
        SeedState s = new SeedState(new Random(1));
        s.lock(4242);
        assertEquals("generate mara, seed: 4242", s.applyLock("generate mara, seed: 1"));
        assertEquals("generate mara, template: 'c', seed: 4242", s.applyLock("generate mara, template: 'c'"));
        assertEquals("x = 1", s.applyLock("x = 1"));
        s.remember("generate mara, seed: 4242", null);
        assertThrows(IllegalStateException.class, () -> s.shifted(1), "locked: /next would contradict the lock");
        s.unlock();
        assertEquals("generate mara, seed: 1", s.applyLock("generate mara, seed: 1"));
    }
}
