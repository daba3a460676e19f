package dev.sitter.imaging.drift;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The drift score against the sandbox's injected identity drift, over real loopback HTTP: a small
 * sample (the full few-hundred-image measurement is bench/drift-separation.sh).
 */
class DriftSeparationE2ETest {
    @Test
    void driftedRendersScoreClearlyWorseThanFaithfulOnes() throws Exception {
        try (SandboxRenders renders = new SandboxRenders(256, 384)) {
            SandboxRenders.Scores scores = renders.run(SandboxRenders.CHARACTERS.subList(0, 3),
                    List.of("photoreal portrait", "film noir"), 3, 6);
            Separation all = Separation.of(scores.all(scores.faithful()), scores.all(scores.drifted()));
            assertEquals(36, all.faithfulCount());
            assertTrue(all.auc() > 0.9, all.report());
            assertTrue(all.driftedMean() > all.faithfulMean() + 0.15, all.report());
            Separation colour = Separation.of(scores.faithful().get("photoreal portrait"), scores.drifted().get("photoreal portrait"));
            assertTrue(colour.auc() > 0.97, "photoreal: " + colour.report());
        }
    }
}
