package dev.sitter.cli;

import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SandboxCommandTest {
    @Test
    void flagsBecomeTheConfig() {
        SandboxConfig c = SandboxCommand.parse(List.of("--port", "8787", "--latency", "500", "--faults", "429:0.1,drift:0.05",
                "--seed", "7", "--credits", "2000"));
        assertEquals(8787, c.port());
        assertEquals(Duration.ofMillis(500), c.latency());
        assertEquals("429:0.1,drift:0.05", c.faults());
        assertEquals(7, c.seed());
        assertEquals(7L, c.idSeed());
        assertEquals(2000, c.startingCredits());
    }

    @Test
    void badFlagsAreUsageErrorsThatSayWhy() {
        assertTrue(message("--port", "99999").contains("--port must be between 0 and 65535"));
        assertTrue(message("--latency", "soon").contains("--latency needs a whole number"));
        assertTrue(message("--faults", "boom:0.1").contains("unknown fault 'boom'"));
        assertTrue(message("--faults").contains("--faults needs a spec"));
        assertTrue(message("--colour", "red").contains("unknown option '--colour'"));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> SandboxCommand.parse(List.of(args))).getMessage();
    }

    @Test
    void mainReportsUsageErrorsWithExitCode2AndNoStackTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                System.in, Map.of(), Path.of("."), false);
        assertEquals(ExitCodes.USAGE, Main.run(List.of("sandbox", "--port", "x"), ctx));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("--port needs a whole number"), e);
        assertFalse(e.contains("Exception"), e);
        assertEquals(ExitCodes.OK, Main.run(List.of("sandbox", "--help"), ctx));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: sitter sandbox"));
    }
}
