package dev.sitter.pack;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Surface;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue #8: a replay warning names the request fields the scripts compile differently, and only comparable steps are compared. */
class ReplayPlannerDifferencesTest {
    @Test
    void namesTheFieldsThatDiffer() {
        PromptSpec recorded = PromptSpec.builder().surface(Surface.V1).modelId("m-1").prompt("Mara Voss").size(832, 1216).numImages(2).seed(5L).build();
        PromptSpec scripts = recorded.toBuilder().size(256, 1216).numImages(4).build();
        assertEquals(List.of("numImages 4 vs 2", "width 256 vs 832"), ReplayPlanner.differences(scripts, recorded));
        assertEquals(List.of("prompt 'Ivo' vs 'Mara Voss'"), ReplayPlanner.differences(recorded.toBuilder().prompt("Ivo").build(), recorded));
    }

    @Test
    void onlyGenerationsWithoutAParentAreCompared() {
        assertTrue(ReplayPlanner.comparable("generate", null));
        assertTrue(ReplayPlanner.comparable("explore", null));
        assertFalse(ReplayPlanner.comparable("refine", "abc"));
        assertFalse(ReplayPlanner.comparable("inpaint", "abc"));
        assertFalse(ReplayPlanner.comparable("generate", "abc"), "made from a parent: its request depends on it");
    }
}
