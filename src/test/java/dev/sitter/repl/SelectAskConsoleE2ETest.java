package dev.sitter.repl;

import dev.sitter.cli.CliContext;
import dev.sitter.cli.ExitCodes;
import dev.sitter.cli.Main;
import org.junit.jupiter.api.Test;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code select top: 2, by: 'ask'} on the real engine and the offline sandbox: at the interactive
 * console (numbers typed at the keyboard, a wrong answer asked again, Ctrl-C cancelling), with
 * piped input (the answer is the next line), and in {@code sitter run} without a terminal (refused
 * before anything is paid, naming the script line and the fix).
 */
class SelectAskConsoleE2ETest {
    @TempDir Path dir;

    private static final String DEFINITIONS = """
            character('mara') {
            name 'Mara Voss'
            hair 'short black bob'
            anchors {
            image 'anchors/mara/front.png', pose: 'frontal'
            image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
            }
            }
            template('small') { style 'noir'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
            pipeline('pick') {
            explore count: 4, size: '256x384', steps: 15
            select top: 2, by: 'ask'
            refine strength: 0.35
            export 'png'
            }
            """;

    private Map<String, String> env() throws IOException {
        copyTree(Path.of("dsl-examples/anchors"), dir.resolve("anchors"));
        return Map.of("HOME", dir.toString(), "SITTER_HOME", dir.resolve("home").toString());
    }

    @Test
    void atTheConsoleTheUserTypesTheNumbersAndCtrlCCancelsTheNextRun() throws Exception {
        Map<String, String> env = env();
        Path library = dir.resolve("prompt-library");
        ReplOptions options = new ReplOptions(dir, dir.resolve("home"), StartupFile.blocks(dev.sitter.dsl.SitterHome.shippedLibrary(null), library), false, env);
        ProgressBoard progress = new ProgressBoard(System::nanoTime);
        ByteArrayOutputStream scriptOut = new ByteArrayOutputStream();
        try (TerminalDriver t = new TerminalDriver()) {
            Console console = new Console(t.terminal, options,
                    () -> ReplCommand.sitterEngine(options, library, progress, new PrintStream(scriptOut, true), new PrintStream(scriptOut, true)),
                    progress);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return console.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.awaitCount(Console.PROMPT, 1);
            t.type(DEFINITIONS.replace("\n", "\r"));
            t.awaitCount(Console.PROMPT, 4);
            t.type("run 'pick', character: mara, template: 'small', seed: 4242\r");
            t.awaitContains("pipeline 'pick' line 3, step select: choose 2 of 4 images. Contact sheet: ");
            t.awaitCount("pick 2 of 4> ", 1);
            t.type("7\r");
            t.awaitContains("7 is not on the sheet (1-4); type e.g. 1 4");
            t.awaitCount("pick 2 of 4> ", 2);
            t.type("4 2\r");
            t.awaitContains("picked 4, 2 of 4 (asked)");
            t.awaitCount(Console.PROMPT, 5);
            assertTrue(Files.isRegularFile(library.resolve("runs/pick-mara-4242/s1-select/contact-sheet.png")));

            t.type("run 'pick', character: mara, template: 'small', seed: 5000\r");
            t.awaitCount("pick 2 of 4> ", 3);
            t.type("\u0003");
            String screen = t.awaitContains("the run was cancelled while choosing the winners");
            assertTrue(screen.contains("the 4 explored images are paid for and kept"), screen);
            assertFalse(screen.contains("still running in the background as"), "Ctrl-C while choosing cancels, it does not detach: " + screen);
            t.awaitCount(Console.PROMPT, 6);
            t.type("\u0004");
            assertEquals(0, exit.get(120, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(library.resolve("runs/pick-mara-5000/journal.jsonl")).contains("\"key\":\"s0-explore\""),
                "the cancelled run's explore step is journaled, its images kept");
    }

    @Test
    void pipedTheAnswerIsTheNextLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String stdin = DEFINITIONS + "run 'pick', character: mara, template: 'small', seed: 4242\n3 1\n1 + 1\n";
        int code = Main.run(List.of(), context(out, err, stdin));
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8) + o);
        assertTrue(o.contains("choose 2 of 4 images"), o);
        assertTrue(o.contains("picked 3, 1 of 4 (asked)"), o);
        assertTrue(o.strip().endsWith("2"), "the input after the answer runs as usual: " + o);
    }

    @Test
    void sitterRunWithoutATerminalIsRefusedBeforePayingAndNamesTheLineAndTheFix() throws Exception {
        Map<String, String> env = env();
        // sitter run loads no starter blocks: the script includes the ones its template uses (3 lines before the definitions)
        Files.writeString(dir.resolve("pick.groovy"), "include 'blocks/styles/noir.groovy'\ninclude 'blocks/cameras/portrait85.groovy'\n"
                + "include 'blocks/negatives/hard.groovy'\n" + DEFINITIONS + "run 'pick', character: mara, template: 'small', seed: 4242\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env, dir, false);
        int code = Main.run(List.of("run", "pick.groovy"), ctx);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.SCRIPT_ERROR, code, e);
        assertTrue(e.contains("pick.groovy:19:1: pipeline"), "names the run line: " + e);
        assertTrue(e.contains("pipeline 'pick' line 15, step select: by: 'ask' needs someone to type the numbers"), e);
        assertTrue(e.contains("use by: 'drift'") && e.contains("pick: [1, 4]"), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
        assertFalse(Files.exists(dir.resolve("prompt-library/assets")), "nothing was generated");
    }

    private CliContext context(ByteArrayOutputStream out, ByteArrayOutputStream err, String stdin) throws IOException {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env(), dir, false);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
