package dev.sitter.cli;

import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live run (key set) checks the whole script before spending: a typo on a late line must not let
 * the generations above it reach Leonardo. The "live" API here is a sandbox the test starts, reached
 * through LEONARDO_BASE_URL, so the client path is the live one.
 */
class LiveRunPreflightTest {
    private static final String SCRIPT = """
            include 'blocks/styles/noir.groovy'
            character('zoe') { name 'Zoe'; hair 'long red hair' }
            template('t') { style 'noir'; size 512, 768 }
            generate zoe, template: 't', seed: 1, count: 1
            """;

    /** Key-shaped but made up; joined at run time so no key-like literal sits in the source. */
    private static final String FAKE_KEY = String.join("-", "3f2a9c1b", "1111", "4222", "8333", "444455556666");

    @TempDir Path tmp;
    private Sandbox live;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach void start() { live = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(10)).build()); }

    @AfterEach void stop() { live.close(); }

    private int run(Path script) {
        Map<String, String> env = Map.of("LEONARDO_API_KEY", FAKE_KEY,
                "LEONARDO_BASE_URL", live.baseUrl(), "HOME", tmp.toString(), "SITTER_CACHE_DIR", tmp.resolve("cache").toString());
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                env, Path.of("").toAbsolutePath(), false);
        return Main.run(List.of("run", script.toString(), "--library", tmp.resolve("lib").toString()), ctx);
    }

    private long creates() {
        return live.requests().stream().filter(e -> e.method().equals("POST") && e.path().endsWith("/generations")).count();
    }

    @Test void aTypoAfterAGenerationStopsTheRunBeforeAnythingIsSent() throws Exception {
        Path script = Files.writeString(tmp.resolve("typo.groovy"), SCRIPT + "character('y') { hiar 'x' }\n");
        assertEquals(ExitCodes.SCRIPT_ERROR, run(script));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("typo.groovy:5:18"), e);
        assertTrue(e.contains("did you mean `hair`"), e);
        assertTrue(e.contains("Nothing was sent"), e);
        assertEquals(0, live.requests().size(), "no request of any kind reached the API");
    }

    @Test void aSoundScriptIsCheckedThenRunOnce() throws Exception {
        Path script = Files.writeString(tmp.resolve("ok.groovy"), SCRIPT);
        assertEquals(ExitCodes.OK, run(script), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, creates(), "the check sends nothing; the run sends the one create");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("asset "), out.toString(StandardCharsets.UTF_8));
    }

    @Test void aPipelineThatWouldAskWithNoTerminalStopsTheScriptBeforeTheGenerationAboveIt() throws Exception {
        Path script = Files.writeString(tmp.resolve("ask.groovy"), SCRIPT
                + "pipeline('pick') {\n    explore count: 4, size: '256x384'\n    select top: 2, by: 'ask'\n}\n"
                + "run 'pick', character: zoe, template: 't', seed: 2\n");
        assertEquals(ExitCodes.SCRIPT_ERROR, run(script));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("ask.groovy:9:1: pipeline 'pick' line 7, step select: by: 'ask' needs someone to type the numbers"), e);
        assertTrue(e.contains("use by: 'drift'") && e.contains("pick: [1, 4]"), e);
        assertTrue(e.contains("Nothing was sent"), e);
        assertEquals(0, live.requests().size(), "the generate on line 4 was not sent either");
    }
}
