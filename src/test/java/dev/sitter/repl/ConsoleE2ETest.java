package dev.sitter.repl;

import dev.sitter.model.PromptSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real interactive console on a JLine terminal fed keystrokes: define a character, complete its
 * id with Tab, generate, tweak the seed, save the session, then replay the saved script and compare
 * the requests.
 */
class ConsoleE2ETest {
    @TempDir Path dir;

    @Test
    void defineCompleteGenerateTweakSaveAndReplay() throws Exception {
        FakeEngine engine = new FakeEngine();
        Path home = dir.resolve("home");
        ReplOptions options = new ReplOptions(dir, home, List.of(), false, Map.of());
        try (TerminalDriver t = new TerminalDriver()) {
            Console console = new Console(t.terminal, options, () -> engine, new ProgressBoard(System::nanoTime));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return console.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.awaitCount(Console.PROMPT, 1);

            // Multi-line input: Enter inside the braces continues the input.
            t.type("character('mara') {\r");
            t.awaitContains("     }> "); // the continuation prompt names the missing closer, under "sitter> "
            t.type("hair 'bob'\r}\r");
            t.awaitContains("character('mara') { }");
            t.awaitCount(Console.PROMPT, 2);

            // Tab completes the id just defined.
            // If Tab did not complete "mar" to "mara", this line fails with "unknown name `mar`".
            // ("ma" alone is also the start of the `master` keyword, so Tab would list both.)
            t.type("generate mar\t");
            t.type(", template: 'canonical', seed: 4242\r");
            t.awaitContains("img-4242-0");
            t.awaitCount(Console.PROMPT, 3);

            t.type("/next\r");
            t.awaitContains("img-4243-0");
            t.awaitCount(Console.PROMPT, 4);

            t.type("generat mara\r");
            t.awaitContains("Did you mean `generate`?");
            t.awaitCount(Console.PROMPT, 5);

            t.type("/save session.groovy\r");
            t.awaitContains("saved the session to session.groovy");
            t.awaitCount(Console.PROMPT, 6);

            t.type("\u0004"); // Ctrl-D
            assertEquals(0, exit.get(60, TimeUnit.SECONDS));
            String screen = t.text();
            assertTrue(!screen.contains("\tat "), "no stack trace on screen:\n" + screen);
        }
        assertEquals(List.of(4242L, 4243L), engine.requests().stream().map(PromptSpec::seed).toList());

        String script = Files.readString(dir.resolve("session.groovy"));
        FakeEngine replay = new FakeEngine();
        replay.eval(script, "session.groovy");
        assertEquals(engine.requests(), replay.requests(), "the saved session replays to the same requests:\n" + script);

        String history = Files.readString(home.resolve("history"));
        assertTrue(history.contains("generate mara, template: 'canonical', seed: 4242"), history);
        assertTrue(history.contains("character('mara') {\\nhair 'bob'\\n}"), "multi-line inputs are one entry: " + history);
    }

    @Test
    void ctrlCStopsWaitingAndTheWorkFinishesInTheBackground() throws Exception {
        FakeEngine engine = new FakeEngine();
        ReplOptions options = new ReplOptions(dir, dir.resolve("home"), List.of(), false, Map.of());
        Path gate = dir.resolve("gate");
        try (TerminalDriver t = new TerminalDriver()) {
            Console console = new Console(t.terminal, options, () -> engine, new ProgressBoard(System::nanoTime));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return console.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.awaitCount(Console.PROMPT, 1);
            // A slow input: it waits until the test creates a file, as a long generation waits for the API.
            String slow = "while (!new File('" + gate.toString().replace("\\", "/")
                    + "').exists()) { Thread.sleep(20) }; 'done waiting'";
            t.type(slow + "\r");
            t.awaitContains("jobs 0 queued"); // the status line: the input is running
            t.type("\u0003"); // Ctrl-C
            t.awaitContains("still running in the background as input-1");
            t.awaitCount(Console.PROMPT, 2);
            t.type("1 + 41\r");
            t.awaitContains("42");
            Files.writeString(gate, "");
            t.awaitContains("input-1 finished");
            t.awaitContains("done waiting");
            t.type("/exit\r");
            assertEquals(0, exit.get(60, TimeUnit.SECONDS));
        }
    }
}
