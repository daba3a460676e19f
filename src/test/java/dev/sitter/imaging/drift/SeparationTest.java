package dev.sitter.imaging.drift;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SeparationTest {
    @Test
    void perfectSplitHasAucOneAndAThresholdBetweenTheClasses() {
        Separation s = Separation.of(List.of(0.1, 0.2, 0.3), List.of(0.5, 0.6));
        assertEquals(1.0, s.auc());
        assertTrue(s.perfectlySeparated());
        assertEquals(0.4, s.threshold(), 1e-12);
        assertEquals(1.0, s.faithfulBelow());
        assertEquals(1.0, s.driftedAbove());
    }

    @Test
    void overlapLowersAucAndTiesCountHalf() {
        Separation s = Separation.of(List.of(0.1, 0.5), List.of(0.5, 0.9));
        // pairs: (0.5>0.1)=1, (0.5=0.5)=.5, (0.9>0.1)=1, (0.9>0.5)=1 -> 3.5/4
        assertEquals(0.875, s.auc(), 1e-12);
        assertFalse(s.perfectlySeparated());
        assertTrue(s.report().contains("AUC 0.8750"), s.report());
    }

    @Test
    void reversedClassesGiveAucZero() {
        assertEquals(0.0, Separation.of(List.of(0.8, 0.9), List.of(0.1)).auc());
    }
}
