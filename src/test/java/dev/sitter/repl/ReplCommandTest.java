package dev.sitter.repl;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sitter} with piped input, through Main and the real DSL engine: no prompts, script-style errors, exit codes. */
class ReplCommandTest {
    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int sitter(String stdin, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Map.of("HOME", dir.toString(), "SITTER_HOME", dir.resolve("home").toString()), dir, false);
        return Main.run(List.of(args), ctx);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void noArgumentsOpensTheConsoleWithTheStarterBlocksLoaded() {
        assertEquals(0, sitter("1 + 1\nnoir\n"), err());
        assertTrue(out().startsWith("2\nstyle('noir') {\n    model 'Leonardo Kino XL'"), out());
        assertFalse(out().contains("sitter>"), "no prompt when piped");
        assertFalse(out().contains("\u001b["), "no ANSI when piped");
    }

    @Test
    void dslErrorsLookLikeScriptErrorsAndFailTheExitCode() {
        int code = sitter("character('m') {\n  hiar 'short'\n}\n1 + 1\n");
        assertEquals(1, code);
        String e = err();
        assertTrue(e.contains("input-1:2:3"), e);
        assertTrue(e.contains("hiar") && e.contains("hair"), "names the typo and the fix: " + e);
        assertTrue(e.contains("  hiar 'short'\n"), e);
        assertTrue(e.contains("^"), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
        assertTrue(out().contains("2"), "the next input still runs");
    }

    @Test
    void stacktraceFlagShowsTheTrace() {
        sitter("nosuchthing\n", "--stacktrace");
        assertTrue(err().contains("\tat "), err());
    }

    @Test
    void libraryBlocksLoadAtStartAndSaveWritesTheirIncludes() throws Exception {
        Path lib = dir.resolve("mylib");
        Files.createDirectories(lib.resolve("blocks/styles"));
        Files.writeString(lib.resolve("blocks/styles/house.groovy"), "style('house') { tokens 'house look' }\n");
        assertEquals(0, sitter("house\n/save s.groovy\n", "repl", "--library", "mylib"), err());
        assertTrue(out().contains("style('house') {\n    tokens 'house look'\n}"), out());
        String saved = Files.readString(dir.resolve("s.groovy"));
        assertTrue(saved.contains("include 'blocks/styles/house.groovy'"), saved);
        assertTrue(saved.contains("include 'blocks/styles/noir.groovy'"), saved);
    }

    @Test
    void aLibraryThatIsAFileIsAUsageError() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a library");
        assertEquals(2, sitter("", "repl", "--library", dir.resolve("notes.txt").toString()));
        assertTrue(err().contains("--library") && err().contains("is a file"), err());
    }

    @Test
    void aLibraryThatDoesNotExistYetIsFine() {
        // Created on the first image, as `sitter run` does; defining things creates nothing.
        assertEquals(0, sitter("1 + 1\n", "repl", "--library", dir.resolve("new-lib").toString()));
    }
}
