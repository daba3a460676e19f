package dev.sitter.repl;

import dev.sitter.model.PromptSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console core driven through its piped front end, with the throwaway engine. */
class PipedConsoleTest {
    @TempDir Path dir;

    private FakeEngine engine;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String input, List<Path> startup) throws IOException {
        engine = new FakeEngine();
        ReplOptions options = new ReplOptions(dir, dir.resolve("home"), startup.stream().map(p -> new StartupFile(p, "blocks/" + p.getFileName())).toList(), false, Map.of());
        ConsoleCore core = new ConsoleCore(options, () -> engine, new ProgressBoard(System::nanoTime),
                new PrintWriter(out, true), new PrintWriter(err, true), Paint.NONE, InlineImages.NONE, new Random(7));
        return PipedConsole.run(new BufferedReader(new StringReader(input)), core, new PrintWriter(err, true));
    }

    private int run(String input) throws IOException { return run(input, List.of()); }

    @Test
    void evaluatesMultiLineInputAndPrintsResults() throws IOException {
        int code = run("character('mara') {\n  hair 'bob'\n}\n1 + 1\n[a: 1]\n");
        assertEquals(0, code, err.toString());
        assertEquals("character('mara') { }\n2\n[a:1]\n", out.toString());
        assertEquals("", err.toString(), "no prompts or ANSI when piped");
    }

    @Test
    void requestsPrintAsTheJsonBody() throws IOException {
        run("character('mara') { }\nprompt mara, template: 'canonical', seed: 4242\n");
        assertTrue(out.toString().contains("\"prompt\" : \"mara portrait, canonical\""), out.toString());
        assertTrue(out.toString().contains("\"seed\" : 4242"), out.toString());
    }

    @Test
    void assetsPrintAsATable() throws IOException {
        run("character('mara') { }\ngenerate mara, seed: 5, count: 2\n");
        String o = out.toString();
        assertTrue(o.contains("id       seed  size      cost  path\n"), o);
        assertTrue(o.contains("img-5-1     5  832x1216  1.50  out/img-5-1.png\n"), o);
    }

    @Test
    void aFailedLineMakesTheExitCodeNonZeroAndRendersLikeAScriptError() throws IOException {
        int code = run("character('mara') { }\ngenerat mara\n1 + 1\n");
        assertEquals(1, code);
        String e = err.toString();
        assertTrue(e.startsWith("input-2:1:1: unknown command or keyword `generat` — Did you mean `generate`?"), e);
        assertTrue(e.contains("  generat mara\n  ^"), e);
        assertFalse(e.contains("\tat "), "no stack trace unless asked: " + e);
        assertTrue(out.toString().contains("2"), "later lines still run");
    }

    @Test
    void syntaxErrorsShowLineColumnAndCaret() throws IOException {
        run("x = [1, 2\ny = 3]\n");
        String e = err.toString();
        assertTrue(e.matches("(?s)input-1:2:\\d+: .*"), e);
        assertTrue(e.contains("\n  y = 3]\n"), e);
        assertTrue(e.contains("^"), e);
    }

    @Test
    void stacktraceToggles() throws IOException {
        run("/stacktrace\nnope()\n");
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void seedCommandsRerunTheLastGeneration() throws IOException {
        int code = run("character('mara') { }\ngenerate mara, template: 'c', seed: 10\n/next\n/prev\n/seed next\n/sweep 3\n");
        assertEquals(0, code, err.toString());
        List<Long> seeds = engine.requests().stream().map(PromptSpec::seed).toList();
        assertEquals(List.of(10L, 11L, 10L, 11L, 12L, 13L, 14L), seeds);
        assertTrue(out.toString().contains("> generate mara, template: 'c', seed: 11"), out.toString());
    }

    @Test
    void ctrlCDuringASweepStopsItFromSendingFurtherSeeds() throws IOException {
        engine = new FakeEngine();
        ReplOptions options = new ReplOptions(dir, dir.resolve("home"), List.of(), false, Map.of());
        ConsoleCore core = new ConsoleCore(options, () -> engine, new ProgressBoard(System::nanoTime),
                new PrintWriter(out, true), new PrintWriter(err, true), Paint.NONE, InlineImages.NONE, new Random(7));
        int[] waits = {0};
        core.setWaiter(work -> {
            Object v = work.get(); // the work itself finishes (it is paid for); the user stopped waiting for the second seed
            if (++waits[0] == 4) throw new ConsoleCore.Detached();
            return v;
        });
        PipedConsole.run(new BufferedReader(new StringReader("character('mara') { }\ngenerate mara, template: 'c', seed: 10\n/sweep 5\n")),
                core, new PrintWriter(err, true));
        List<Long> seeds = engine.requests().stream().map(PromptSpec::seed).toList();
        assertEquals(List.of(10L, 11L, 12L), seeds, "seeds 13-15 are never sent");
        assertTrue(out.toString().contains("sweep stopped after 2 of 5 seeds"), out.toString());
    }

    @Test
    void seedFromTheResultWhenTheLineHadNone() throws IOException {
        run("character('mara') { }\ngenerate mara\n/next\n");
        assertEquals(java.util.Arrays.asList(null, 778L), engine.requests().stream().map(PromptSpec::seed).toList());
    }

    @Test
    void lockedSeedAppliesToEveryGeneration() throws IOException {
        run("character('mara') { }\n/seed lock 4242\ngenerate mara, seed: 1\ngenerate mara\n/seed unlock\ngenerate mara, seed: 3\n");
        assertEquals(List.of(4242L, 4242L, 3L), engine.requests().stream().map(PromptSpec::seed).toList());
    }

    @Test
    void saveWritesAScriptThatReplaysToTheSameRequests() throws IOException {
        Files.writeString(dir.resolve("defs.groovy"), "template('canonical') { }\n");
        run("""
                character('mara') {
                  hair 'bob'
                }
                /load defs.groovy
                mara
                broken(
                )
                generate mara, template: 'canonical', seed: 4242
                /next
                /save out/session.groovy
                """);
        List<PromptSpec> live = List.copyOf(engine.requests());
        String script = Files.readString(dir.resolve("out/session.groovy"));
        assertFalse(script.contains("broken"), "failed inputs are left out:\n" + script);
        assertFalse(script.contains("\nmara\n"), "browsing is left out:\n" + script);
        assertTrue(script.contains("template('canonical') { }"), "loaded files are inlined:\n" + script);

        FakeEngine replay = new FakeEngine();
        replay.eval(script, "session.groovy");
        assertEquals(live, replay.requests());
        assertEquals(2, live.size());
    }

    @Test
    void startupFilesAreLoadedFirst() throws IOException {
        Path block = dir.resolve("noir.groovy");
        Files.writeString(block, "style('noir') { }\n");
        run("noir\n", List.of(block));
        assertEquals("style('noir') { }\n", out.toString());
    }

    @Test
    void reloadReplaysDefinitionsButNotGenerations() throws IOException {
        assertEquals(0, run("character('mara') { }\ngenerate mara, seed: 1\n/reload\nmara\n"), err.toString());
        assertTrue(engine.requests().isEmpty(), "the reloaded session did not generate again (no credit spent)");
        assertTrue(out.toString().contains("1 inputs replayed, 1 generations kept but not re-run"), out.toString());
        assertTrue(out.toString().endsWith("character('mara') { }\n"), "definitions are back: " + out);
    }

    @Test
    void resetForgetsDefinitions() throws IOException {
        assertEquals(1, run("character('mara') { }\n/reset\nmara\n"));
        assertTrue(err.toString().contains("unknown name `mara`"), err.toString());
    }

    @Test
    void assetsShowAndSheet() throws IOException {
        int code = run("character('mara') { }\ngenerate mara, seed: 9, count: 2\n/assets\n/show img-9-1\n/sheet\n/cost\n");
        String o = out.toString();
        assertTrue(o.contains("img-9-0"), o);
        assertTrue(o.contains("contact sheet of 2 images: "), o);
        assertTrue(o.contains("this session: 3.00 credits, 2 images; credits left: unknown"), o);
        assertTrue(err.toString().contains("note: img-9-0: "), "missing files are noted, not fatal: " + err);
        try (var files = Files.list(dir.resolve("home/sheets"))) {
            assertEquals(1, files.count());
        }
        assertEquals(0, code - (err.toString().contains("failed") ? 1 : 0));
    }

    @Test
    void unknownSlashCommandSuggests() throws IOException {
        assertEquals(1, run("/sweap 3\n"));
        assertTrue(err.toString().contains("unknown command /sweap (did you mean /sweep?)"), err.toString());
    }

    @Test
    void helpComesFromTheKeywordDocs() throws IOException {
        run("/help generate\n/help\n");
        assertTrue(out.toString().contains("generate (command)\n  def shots = generate mara, template: 'canonical', seed: 4242, count: 4"), out.toString());
        assertTrue(out.toString().contains("/sweep N"), out.toString());
    }

    @Test
    void exitStopsReading() throws IOException {
        run("1\n/exit\n2\n");
        assertEquals("1\n", out.toString());
    }
}
