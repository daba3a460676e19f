package dev.sitter.dsl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example script, run dry, must print exactly the request bodies in
 * {@code src/test/resources/golden/<example>.json}, byte for byte: the DSL's output is part of its
 * contract (same inputs, same request, on every run and machine). After an intended change,
 * regenerate with {@code -Dsitter.updateGolden=true} and review the diff.
 */
class GoldenExamplesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "two-characters", "style-reference", "seed-sweep", "full-tour"})
    void exampleCompilesToTheGoldenRequests(String example) throws Exception {
        Scripts s = Scripts.inExamples().dryRun();
        s.shell.evalFile(Scripts.EXAMPLES.resolve(example + ".groovy"));
        byte[] actual = s.bodies().getBytes(StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(example + ".json");
        if (Boolean.getBoolean("sitter.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.write(golden, actual);
        }
        assertTrue(Files.exists(golden), "missing golden file " + golden + "; run once with -Dsitter.updateGolden=true");
        assertArrayEquals(Files.readAllBytes(golden), actual, () -> "dry run of " + example + " differs from " + golden
                + ":\n" + new String(actual, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "two-characters", "seed-sweep", "full-tour"})
    void runningTwiceInFreshShellsGivesIdenticalBytes(String example) throws Exception {
        Scripts a = Scripts.inExamples().dryRun();
        a.shell.evalFile(Scripts.EXAMPLES.resolve(example + ".groovy"));
        Scripts b = Scripts.inExamples().dryRun();
        b.shell.evalFile(Scripts.EXAMPLES.resolve(example + ".groovy"));
        assertEquals(a.bodies(), b.bodies());
        assertTrue(a.bodies().contains("\"prompt\""), "the dry run printed no request body");
    }
}
