package dev.sitter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.sitter.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sitter run} through {@link Main#run}, as a user would call it. */
class RunCommandTest {
    @TempDir Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path workDir, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Map.of(), workDir, false);
        return Main.run(List.of(args), ctx);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test void dryRunOfTheQuickstartPrintsTheExactBodyAndExitsZero() throws Exception {
        int code = run(Path.of("").toAbsolutePath(), "run", "dsl-examples/quickstart.groovy", "--dry-run");
        assertEquals(ExitCodes.OK, code, err());
        String stdout = out();
        // The script's println of the identity anchor, then one JSON body.
        String identity = "Mara Voss, 34 years old, olive skin, short black bob with a silver streak, green eyes, "
                + "scar on left cheek, light freckles, confident, calm";
        assertTrue(stdout.startsWith(identity + "\n"), stdout);
        List<JsonNode> bodies = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(stdout.substring(identity.length() + 1))) {
            while (it.hasNext()) bodies.add(it.next());
        }
        assertEquals(1, bodies.size());
        JsonNode body = bodies.get(0);
        assertTrue(body.get("prompt").asText().startsWith(identity + ", film noir"), body.toString());
        assertEquals(4, body.get("num_images").asInt());
        assertEquals(4242, body.get("seed").asLong());
        assertEquals(3, body.get("controlnets").size());
        assertEquals(133, body.get("controlnets").get(0).get("preprocessorId").asInt());
        assertTrue(err().contains("# generate (dsl-examples/quickstart.groovy:36): POST /api/rest/v1/generations"), err());
        String golden = Files.readString(Path.of("src/test/resources/golden/quickstart.json"));
        assertEquals(golden, stdout.substring(identity.length() + 1));
    }

    @Test void brokenScriptExitsOneWithLocationAndNoStackTrace() throws Exception {
        Files.writeString(tmp.resolve("broken.groovy"), "character('mara') {\n    hiar 'black bob'\n}\n");
        int code = run(tmp, "run", "broken.groovy");
        assertEquals(ExitCodes.SCRIPT_ERROR, code);
        assertEquals("broken.groovy:2:5: unknown keyword `hiar` in character 'mara' \u2014 did you mean `hair`?\n"
                + "        hiar 'black bob'\n"
                + "        ^\n", err());
        assertFalse(err().contains("\tat "), err());
        assertEquals("", out());
    }

    private static final String DEFS = """
            character('mara') { name 'Mara' }
            style('noir') { model 'Leonardo Kino XL'; tokens 'film noir' }
            template('canonical') { style 'noir'; size 832, 1216 }
            """;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> brokenScripts() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("syntax error",
                        "character('mara') {\n    name 'Mara\n}\n", 2, "syntax error"),
                org.junit.jupiter.params.provider.Arguments.of("unknown keyword",
                        "character('mara') {\n    hiar 'x'\n}\n", 2, "did you mean `hair`?"),
                org.junit.jupiter.params.provider.Arguments.of("wrong argument type",
                        "character('mara') {\n    age 'old'\n}\n", 2, "takes a whole number"),
                org.junit.jupiter.params.provider.Arguments.of("unknown template",
                        DEFS + "prompt mara, template: 'canonicl'\n", 4, "unknown template 'canonicl'"),
                org.junit.jupiter.params.provider.Arguments.of("unknown style",
                        DEFS + "template('t') { style 'nior' }\nprompt mara, template: 't'\n", 5, "unknown style 'nior'"),
                org.junit.jupiter.params.provider.Arguments.of("missing anchor",
                        "character('mara') {\n  anchors { image 'gone.png' }\n}\n", 2, "image 'gone.png' not found"),
                org.junit.jupiter.params.provider.Arguments.of("invalid size",
                        DEFS + "template('t') { style 'noir'; size 1000, 1001 }\nprompt mara, template: 't'\n", 5,
                        "height 1001 is not a multiple of 8"));
    }

    /** Each kind of broken script, through the real command line: exit 1, file:line:col, caret, no trace. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("brokenScripts")
    void everyScriptErrorExitsOneWithLocationAndNoTrace(String name, String script, int line, String expected) throws Exception {
        Files.writeString(tmp.resolve("case.groovy"), script);
        int code = run(tmp, "run", "case.groovy", "--dry-run");
        assertEquals(ExitCodes.SCRIPT_ERROR, code, err());
        String first = err().lines().filter(l -> l.startsWith("case.groovy:" + line + ":") && !l.contains("warning:")).findFirst()
                .orElseThrow(() -> new AssertionError("no case.groovy:" + line + ": line in\n" + err()));
        assertTrue(first.contains(expected), err());
        assertTrue(err().contains("^"), err());
        assertFalse(err().contains("\tat "), err());
        assertFalse(err().contains("Exception"), err());
        assertEquals("", out());
    }

    @Test void stacktraceFlagShowsTheJavaTrace() throws Exception {
        Files.writeString(tmp.resolve("broken.groovy"), "character('mara') {\n    hiar 'black bob'\n}\n");
        int code = run(tmp, "--stacktrace", "run", "broken.groovy");
        assertEquals(ExitCodes.SCRIPT_ERROR, code);
        assertTrue(err().contains("\tat "), err());
    }

    @Test void syntaxErrorExitsOne() throws Exception {
        Files.writeString(tmp.resolve("syntax.groovy"), "character('mara') {\n    name 'Mara\n}\n");
        assertEquals(ExitCodes.SCRIPT_ERROR, run(tmp, "run", "syntax.groovy"));
        assertTrue(err().startsWith("syntax.groovy:2:"), err());
        assertFalse(err().contains("\tat "), err());
    }

    @Test void missingScriptIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run(tmp, "run", "nope.groovy"));
        assertTrue(err().contains("no such script: nope.groovy"), err());
    }

    @Test void noScriptIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run(tmp, "run"));
        assertTrue(err().contains("which script?"), err());
    }

    @Test void unknownOptionIsAUsageError() throws Exception {
        Files.writeString(tmp.resolve("ok.groovy"), "println 'hi'\n");
        assertEquals(ExitCodes.USAGE, run(tmp, "run", "ok.groovy", "--dryrun"));
        assertTrue(err().contains("unknown option '--dryrun'"), err());
    }

    @Test void warningsGoToStderrAndDoNotFailTheRun() throws Exception {
        Files.writeString(tmp.resolve("warn.groovy"), "character('solo') { name 'Solo' }\nprintln solo.identity\n");
        assertEquals(ExitCodes.OK, run(tmp, "run", "warn.groovy"));
        assertEquals("Solo\n", out());
        assertTrue(err().contains("warn.groovy:1: warning: character 'solo' has 0 anchor images"), err());
    }

    @Test void libraryOptionIsSearchedByInclude() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("mylib/blocks"));
        Files.writeString(lib.resolve("mine.groovy"), "camera('mine') { tokens 'fisheye' }\n");
        Path scripts = Files.createDirectories(tmp.resolve("scripts"));
        Files.writeString(scripts.resolve("s.groovy"), "include 'blocks/mine.groovy'\nprintln camera('mine').tokens()\n");
        assertEquals(ExitCodes.OK, run(tmp, "run", "scripts/s.groovy", "--library", "mylib"), err());
        assertEquals("[fisheye]\n", out());
    }

    @Test void helpRunDescribesOptionsAndExitCodes() {
        assertEquals(ExitCodes.OK, run(tmp, "help", "run"));
        assertTrue(out().contains("usage: sitter run FILE.groovy [--dry-run] [--library DIR]"), out());
        assertTrue(out().contains("exit codes: 0 ok, 1 script error"), out());
    }
}
