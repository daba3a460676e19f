package dev.sitter.cli;

import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Base of the end-to-end tests that drive {@code sitter} in-process, as a user would from a shell:
 * from a temp folder, HOME there too, no LEONARDO_API_KEY (so the embedded sandbox), no terminal.
 */
public abstract class CliE2E {
    @TempDir protected Path tmp;
    protected final ByteArrayOutputStream out = new ByteArrayOutputStream();
    protected final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code sitter ARGS}; returns its exit code, its output in {@link #stdout()} and {@link #said()}. */
    protected int sitter(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Map.of("HOME", tmp.toString()), tmp, false));
    }

    protected String stdout() { return out.toString(StandardCharsets.UTF_8); }

    /** Everything the last command printed, standard output then standard error. */
    protected String said() { return stdout() + err.toString(StandardCharsets.UTF_8); }

    /**
     * The quick start's anchors copied into {@code work/anchors/mara} (kept when already there), and its
     * definitions without its four big generations, for a test to append its own lines to.
     */
    public static String quickstartIn(Path work) throws IOException {
        Files.createDirectories(work.resolve("anchors/mara"));
        for (String f : List.of("front.png", "three-quarter.png", "profile.png")) {
            Path to = work.resolve("anchors/mara").resolve(f);
            if (!Files.exists(to)) Files.copy(Path.of("dsl-examples/anchors/mara").resolve(f), to);
        }
        return Files.readString(Path.of("dsl-examples/quickstart.groovy"))
                .replace("generate mara, template: 'canonical', seed: 4242, count: 4", "");
    }
}
