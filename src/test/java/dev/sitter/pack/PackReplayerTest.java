package dev.sitter.pack;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.util.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** One request per distinct request: two local edits of one parent differ only in their edit, and must both be made. */
class PackReplayerTest {
    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void twoGradesOfOneParentWithDifferentLutsAreBothMade() {
        PromptSpec spec = PromptSpec.builder().prompt("a portrait").build();
        String parent = Sha256.hex(bytes("parent"));
        String lutA = "a".repeat(64), lutB = "b".repeat(64);
        String gradedA = Sha256.hex(bytes("graded " + lutA)), gradedB = Sha256.hex(bytes("graded " + lutB));
        List<ReplayPlan.Step> steps = List.of(
                new ReplayPlan.Step(parent, "generate", null, spec, 1L, true),
                new ReplayPlan.Step(gradedA, "grade", parent, spec, 1L, true, null,
                        Provenance.Edit.grade("luts/a.cube", "luts/a.cube", lutA), Map.of()),
                new ReplayPlan.Step(gradedB, "grade", parent, spec, 1L, true, null,
                        Provenance.Edit.grade("luts/b.cube", "luts/b.cube", lutB), Map.of()));
        List<String> calls = new ArrayList<>();
        PackReplayer.Report report = PackReplayer.replay(new ReplayPlan(Path.of("."), steps, List.of()), (step, dir, p) -> {
            calls.add(step.assetId());
            return List.of(step.edit() == null ? bytes("parent") : bytes("graded " + step.edit().lutSha256()));
        });
        assertEquals(List.of(parent, gradedA, gradedB), calls, "each grade is made, none served from the other's result");
        assertTrue(report.outcomes().stream().allMatch(PackReplayer.Outcome::identical), report.outcomes().toString());
    }
}
