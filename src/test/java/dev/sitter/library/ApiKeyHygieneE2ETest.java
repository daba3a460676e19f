package dev.sitter.library;

import dev.sitter.cli.CliContext;
import dev.sitter.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The API key never reaches the library: a writer runs with a fake LEONARDO_API_KEY in its
 * environment and even puts the key into a prompt and a URL by mistake; then the library
 * commands run with the key set. No file written, and no command output, contains it.
 */
class ApiKeyHygieneE2ETest {
    static final String KEY = "fake-leonardo-key-7c1f9e2a-5b3d-4e8f-a6b0-0d1e2f3a4b5c";

    @TempDir Path dir;

    @Test
    void theKeyIsInNoFileAndNoOutput() throws Exception {
        try (ChildJvm child = new ChildJvm(dir, 1, 6, "mara", Map.of("LEONARDO_API_KEY", KEY), KEY)) {
            assertEquals(0, child.awaitExit(120), String.join("\n", child.lines));
        }
        Path lib = dir;
        Library l = Library.open(lib);
        String first = l.find(Query.ALL).get(0).assetId();
        StringBuilder output = new StringBuilder();
        for (List<String> cmd : List.of(List.of("ls"), List.of("find", "--seed", "2"), List.of("show", first),
                List.of("diff", first, l.find(Query.ALL).get(1).assetId()), List.of("replay", first, "--dry-run"),
                List.of("verify"), List.of("ledger"), List.of("price", first, "9.99"),
                List.of("styles", "export", "styles-out.csv"))) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(o, true, StandardCharsets.UTF_8);
            CliContext ctx = new CliContext(ps, ps, new ByteArrayInputStream(new byte[0]),
                    Map.of("LEONARDO_API_KEY", KEY, "SITTER_LIBRARY", lib.toString()), lib, false);
            int code = Main.run(cmd, ctx);
            assertEquals(0, code, cmd + ": " + o);
            output.append(o.toString(StandardCharsets.UTF_8));
        }
        assertFalse(output.toString().contains(KEY), "a command printed the key");
        assertTrue(output.toString().contains(SecretScrubber.MASK), "the leaked key was replaced, not dropped silently");

        int scanned = 0;
        try (var files = Files.walk(lib)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(KEY), "the key leaked into " + f);
                scanned++;
            }
        }
        assertTrue(scanned >= 6 * 3 + 3, "scanned the images, records, index, ledger and journal: " + scanned);
        assertTrue(l.verify().ok());
    }
}
