package dev.sitter.repl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.sitter.cli.CliContext;
import dev.sitter.cli.Main;
import dev.sitter.dsl.Studio;
import dev.sitter.leonardo.GenerationBody;
import dev.sitter.leonardo.ImageIds;
import dev.sitter.model.Json;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a user takes, on the real engine and the offline sandbox: define a character at
 * the interactive console, complete its id with Tab, generate, tweak the seed, save the session;
 * then {@code sitter run --dry-run} on the saved script prints exactly the requests the console sent.
 */
class SandboxConsoleE2ETest {
    @TempDir Path dir;

    @Test
    void sessionOnTheSandboxReplaysWithSitterRun() throws Exception {
        copyTree(Path.of("dsl-examples/anchors"), dir.resolve("anchors"));
        Map<String, String> env = Map.of("HOME", dir.toString(), "SITTER_HOME", dir.resolve("home").toString());
        Path library = dir.resolve("prompt-library");
        Path shipped = dev.sitter.dsl.SitterHome.shippedLibrary(null);
        ReplOptions options = new ReplOptions(dir, dir.resolve("home"), StartupFile.blocks(shipped, library), false, env);
        List<PromptSpec> sent = Collections.synchronizedList(new ArrayList<>());
        ProgressBoard progress = new ProgressBoard(System::nanoTime);
        ByteArrayOutputStream scriptOut = new ByteArrayOutputStream();

        try (TerminalDriver t = new TerminalDriver()) {
            Console console = new Console(t.terminal, options,
                    () -> ReplCommand.sitterEngine(options, library, progress, new PrintStream(scriptOut, true),
                            new PrintStream(scriptOut, true), s -> recording(s, sent)),
                    progress);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return console.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.awaitCount(Console.PROMPT, 1);
            t.type("character('mara') {\r"
                    + "name 'Mara Voss'\r"
                    + "hair 'short black bob'\r"
                    + "anchors {\r"
                    + "image 'anchors/mara/front.png', pose: 'frontal'\r"
                    + "image 'anchors/mara/three-quarter.png', pose: 'three-quarter'\r"
                    + "image 'anchors/mara/profile.png', pose: 'profile'\r"
                    + "}\r}\r");
            t.awaitContains("// identity: Mara Voss");
            t.awaitCount(Console.PROMPT, 2);
            t.type("template('canonical') { style 'noir'; camera 'portrait85'; negatives 'hard'; size 512, 768 }\r");
            t.awaitCount(Console.PROMPT, 3);
            t.type("generate mar\t, template: 'canonical', seed: 4242\r");
            t.awaitContains("4242  512x768");
            t.awaitCount(Console.PROMPT, 4);
            t.type("/next\r");
            t.awaitContains("4243  512x768");
            t.awaitCount(Console.PROMPT, 5);
            t.type("/save session.groovy\r");
            t.awaitContains("saved the session to session.groovy");
            t.type("\u0004");
            assertEquals(0, exit.get(120, TimeUnit.SECONDS));
        }
        assertEquals(List.of(4242L, 4243L), sent.stream().map(PromptSpec::seed).toList());
        assertTrue(Files.list(library.resolve("assets").resolve("mara")).findAny().isPresent(), "images were recorded in the library");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env, dir, false);
        int code = Main.run(List.of("run", "--dry-run", "session.groovy"), ctx);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        // Compared as canonical JSON text: the dry run's output is parsed back, the live bodies are built.
        List<String> replayed = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(out.toString(StandardCharsets.UTF_8))) {
            while (it.hasNext()) replayed.add(Json.compact(it.next()));
        }
        List<String> live = sent.stream().map(s -> Json.compact(Json.tree(Json.compact(GenerationBody.of(s, ImageIds.placeholders()))))).toList();
        assertEquals(live, replayed, "the saved session replays to the same requests");
    }

    /** A Studio that notes every generation request before passing it on. */
    private static Studio recording(Studio s, List<PromptSpec> sent) {
        return new Studio() {
            @Override public List<?> generate(PromptSpec spec) {
                sent.add(spec);
                return s.generate(spec);
            }

            @Override public Object refine(Object asset, PromptSpec spec, double strength) { return s.refine(asset, spec, strength); }

            @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) { return s.inpaint(asset, mask, spec, strength); }

            @Override public Object upscale(Object asset, Map<String, Object> options) { return s.upscale(asset, options); }

            @Override public Object removeBackground(Object asset) { return s.removeBackground(asset); }

            @Override public Object estimate(PromptSpec spec) { return s.estimate(spec); }

            @Override public Object credits() { return s.credits(); }

            @Override public Object models() { return s.models(); }

            @Override public Object runPipeline(PipelineDef p, PromptSpec spec, Map<String, Object> o) { return s.runPipeline(p, spec, o); }
        };
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
