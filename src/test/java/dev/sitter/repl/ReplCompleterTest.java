package dev.sitter.repl;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplCompleterTest {
    @TempDir Path dir;

    private final Map<String, List<String>> defs = Map.of(
            "character", List.of("mara", "jun"), "template", List.of("canonical", "closeup"),
            "style", List.of("noir"), "pipeline", List.of("pack"));

    private List<String> complete(String buffer) {
        ReplCompleter c = new ReplCompleter(KeywordDocs::bundled, new ReplCompleter.Sources() {
            @Override public Map<String, List<String>> definitions() { return defs; }
            @Override public Set<String> variables() { return Set.of("shots"); }
            @Override public List<String> assetIds() { return List.of("img-4242-0", "img-4242-1"); }
            @Override public List<String> modelNames() { return List.of("Leonardo Kino XL", "Leonardo Phoenix 1.0"); }
            @Override public Path workDir() { return dir; }
        });
        ParsedLine line = new ReplParser().parse(buffer, buffer.length(), ParseContext.COMPLETE);
        List<Candidate> out = new ArrayList<>();
        c.complete(null, line, out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void topLevelOffersDefinitionsCommandsIdsAndVariables() {
        List<String> c = complete("ge");
        assertTrue(c.containsAll(List.of("generate", "character", "template", "mara", "jun", "shots")), c.toString());
        assertFalse(c.contains("hair"), "block keywords only inside their block");
    }

    @Test
    void insideACharacterBlockOffersItsKeywords() {
        List<String> c = complete("character('x') {\n  ha");
        assertTrue(c.containsAll(List.of("hair", "eyes", "anchors", "reference")), c.toString());
        assertFalse(c.contains("generate"));
        assertTrue(complete("character('x') { anchors { im").contains("image"));
    }

    @Test
    void namedArgumentsAfterACommandsComma() {
        List<String> c = complete("generate mara, ");
        assertTrue(c.containsAll(List.of("template:", "seed:", "count:")), c.toString());
        assertTrue(complete("def s = generate mara, template: 'canonical', ").contains("seed:"));
    }

    @Test
    void idsOfTheRightKindAsValues() {
        assertTrue(complete("generate mara, template: ").containsAll(List.of("'canonical'", "'closeup'")));
        assertTrue(complete("generate mara, template: 'clo").contains("closeup"));
        assertFalse(complete("generate mara, template: 'clo").contains("noir"));
        assertTrue(complete("template('t') { style 'n").contains("noir"));
        assertTrue(complete("run 'p").contains("pack"));
        assertTrue(complete("run 'pack', character: ").contains("mara"));
    }

    @Test
    void enumValuesAndModelNames() {
        assertTrue(complete("style('s') { preset 'CIN").containsAll(List.of("CINEMATIC", "CINEMATIC_CLOSEUP")));
        assertTrue(complete("character('m') { reference strength: 'M").containsAll(List.of("Mid", "Max")));
        assertTrue(complete("character('m') { reference strength: ").contains("'Mid'"));
        assertTrue(complete("style('s') { model 'Leo").contains("Leonardo Kino XL"));
    }

    @Test
    void anchorPathsFromTheFileSystem() throws IOException {
        Files.createDirectories(dir.resolve("anchors/mara"));
        Files.writeString(dir.resolve("anchors/mara/front.png"), "x");
        assertTrue(complete("character('m') { anchors { image 'anc").contains("anchors/"));
        assertTrue(complete("character('m') { anchors { image 'anchors/mara/").contains("anchors/mara/front.png"));
    }

    @Test
    void slashCommandsAndTheirArguments() throws IOException {
        assertTrue(complete("/").containsAll(List.of("/save", "/load", "/next", "/sweep", "/sheet")));
        assertTrue(complete("/sh").containsAll(List.of("/show", "/sheet")));
        assertTrue(complete("/show ").containsAll(List.of("img-4242-0", "img-4242-1")));
        assertTrue(complete("/seed ").containsAll(List.of("next", "prev", "random", "lock", "unlock")));
        assertTrue(complete("/help ").containsAll(List.of("character", "generate", "sweep")));
        Files.writeString(dir.resolve("session.groovy"), "");
        assertTrue(complete("/load ses").contains("session.groovy"));
    }

    @Test
    void completingNeverEvaluates() {
        // The sources above are plain data; an engine's eval is never reachable from the completer.
        FakeEngine engine = new FakeEngine();
        ReplCompleter c = new ReplCompleter(KeywordDocs::bundled, new ReplCompleter.Sources() {
            @Override public Map<String, List<String>> definitions() { return engine.definitions(); }
            @Override public Set<String> variables() { return engine.variables(); }
            @Override public List<String> assetIds() { return List.of(); }
            @Override public List<String> modelNames() { return List.of(); }
            @Override public Path workDir() { return dir; }
        });
        String buffer = "generate mara, seed: new File('/tmp/x').delete()";
        c.complete(null, new ReplParser().parse(buffer, buffer.length(), ParseContext.COMPLETE), new ArrayList<>());
        assertTrue(engine.evaluated.isEmpty());
    }
}
