package dev.sitter.dsl;

import dev.sitter.model.CharacterDef;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;
import dev.sitter.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The engine as the console and {@code sitter run} use it. */
class DslEngineTest {
    @TempDir Path tmp;

    @Test void aDryRunPrintsTheUpscalerAndEveryParameterARunWouldSend() {
        Scripts s = Scripts.inExamples().dryRun();
        s.eval(Scripts.MARA + Scripts.NOIR + """
                shot = generate(mara, template: 'canonical', seed: 1)[0]
                upscale shot
                upscale shot, mode: 'ultra', factor: 1.5, similarity: 3
                upscale shot, mode: 'classic'
                """);
        String notes = s.notes(), bodies = s.bodies().replaceAll("\\s+", "");
        assertEquals(2, notes.split("POST /api/rest/v1/variations/universal-upscaler", -1).length - 1, notes);
        assertTrue(notes.contains("POST /api/rest/v1/variations/upscale\n"), notes);
        assertTrue(bodies.contains("\"similarity\":3") && bodies.contains("\"ultraUpscaleStyle\":\"REALISTIC\"")
                && bodies.contains("\"upscaleMultiplier\":1.5"), bodies);
        DslException wrong = assertThrows(DslException.class, () -> s.eval("upscale shot, mode: 'classic', factor: 2"));
        assertTrue(wrong.getMessage().contains("takes no factor"), wrong.getMessage());
    }

    @Test void definitionsAreReachableByVariableAndByString() {
        Scripts s = Scripts.inExamples();
        s.eval(Scripts.MARA + Scripts.NOIR);
        assertInstanceOf(CharacterDef.class, s.eval("mara"));
        assertSame(s.eval("mara"), s.eval("character('mara')"));
        assertInstanceOf(StyleDef.class, s.eval("noir"));
        assertSame(s.eval("noir"), s.eval("style('noir')"));
        assertInstanceOf(TemplateDef.class, s.eval("template('canonical')"));
        assertEquals("Mara Voss, 34 years old, olive skin, short black bob with a silver streak, green eyes, scar on left cheek, "
                + "light freckles, confident, calm", s.eval("mara.identity"));
    }

    @Test void definitionsPersistAcrossEvaluationsLikeAConsole() {
        Scripts s = Scripts.inExamples();
        s.shell.eval(Scripts.MARA, "input-1");
        s.shell.eval(Scripts.NOIR, "input-2");
        PromptSpec p = (PromptSpec) s.shell.eval("prompt mara, template: 'canonical', seed: 5", "input-3");
        assertEquals(5L, p.seed());
        assertEquals("input-3", p.recipe().sourceFile());
        assertEquals(1, p.recipe().sourceLine());
        DslException e = assertThrows(DslException.class, () -> s.shell.eval("\nmara.idenity", "input-4"));
        assertEquals("input-4", e.file());
        assertEquals(2, e.line());
        assertTrue(e.sentence().contains("did you mean `identity`?"), e.sentence());
    }

    @Test void redefiningReplacesTheDefinition() {
        Scripts s = Scripts.inExamples();
        s.eval("camera('c') { tokens '35mm' }");
        s.eval("camera('c') { tokens '50mm' }");
        assertEquals("camera 'c': 50mm", s.eval("c").toString());
    }

    @Test void promptReturnsTheCompiledRequestWithFileHashesAndRecipe() throws Exception {
        Scripts s = Scripts.inExamples();
        PromptSpec p = (PromptSpec) s.eval(Scripts.MARA + Scripts.NOIR + "prompt mara, template: 'canonical', seed: 4242, count: 2\n");
        assertEquals(4242L, p.seed());
        assertEquals(2, p.numImages());
        assertEquals(832, p.width());
        assertEquals(1216, p.height());
        assertEquals("CINEMATIC", p.presetStyle());
        assertEquals("Leonardo Kino XL", p.modelName());
        List<ReferenceImage> refs = p.references();
        assertEquals(3, refs.size());
        assertEquals("anchors/mara/front.png", refs.get(0).path());
        assertEquals(Sha256.file(Scripts.EXAMPLES.resolve("anchors/mara/front.png")), refs.get(0).sha256());
        assertEquals(Scripts.EXAMPLES.resolve("anchors/mara/front.png"), s.shell.resolveReference(refs.get(0).path()));
        assertEquals("test.groovy", p.recipe().sourceFile());
        assertEquals(29, p.recipe().sourceLine());
        assertEquals("canonical", p.recipe().templateId());
    }

    @Test void pipelineStepsAreRecordedAsData() {
        Scripts s = Scripts.inExamples();
        PipelineDef p = (PipelineDef) s.eval("""
                pipeline('pack') {
                    explore count: 8, size: '512x768', steps: 15
                    select top: 2
                    refine strength: 0.35
                    qa 'eyes match the anchors', 'scar on the left cheek'
                    upscale mode: 'ultra'
                    export 'png', 'jpg'
                }
                """);
        assertEquals(List.of("explore", "select", "refine", "qa", "upscale", "export"), p.steps().stream().map(x -> x.name()).toList());
        assertEquals(Map.of("count", 8L, "size", "512x768", "steps", 15L), p.steps().get(0).options());
        assertEquals(0.35, p.steps().get(2).options().get("strength"));
        assertEquals(List.of("eyes match the anchors", "scar on the left cheek"), p.steps().get(3).args());
        assertEquals(5, p.steps().get(3).line());
        DslException e = assertThrows(DslException.class, () -> s.eval("pipeline('p') {\n  upscael mode: 'ultra'\n}"));
        assertTrue(e.sentence().contains("did you mean `upscale`?"), e.sentence());
    }

    /** A Studio that records what the DSL hands it. */
    static final class RecordingStudio implements Studio {
        final List<String> calls = new ArrayList<>();
        PromptSpec last;

        @Override public List<?> generate(PromptSpec spec) { last = spec; calls.add("generate " + spec.numImages()); return List.of("img1", "img2"); }
        @Override public Object refine(Object asset, PromptSpec spec, double strength) { calls.add("refine " + asset + " " + strength + " " + (spec != null)); return "refined"; }
        @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) { calls.add("inpaint " + asset + " " + mask.getFileName()); return "inpainted"; }
        @Override public Object upscale(Object asset, Map<String, Object> options) { calls.add("upscale " + asset + " " + options); return "big"; }
        @Override public Object removeBackground(Object asset) { calls.add("nobg " + asset); return "cut"; }
        @Override public Object estimate(PromptSpec spec) { calls.add("estimate"); return "12 credits"; }
        @Override public Object credits() { calls.add("credits"); return 150; }
        @Override public Object models() { calls.add("models"); return List.of(); }
        @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
            calls.add("run " + pipeline.id() + " seed " + spec.seed() + " " + options);
            return "ran";
        }
    }

    @Test void generationCommandsHandTheirArgumentsToTheStudio() {
        Scripts s = Scripts.inExamples();
        RecordingStudio studio = new RecordingStudio();
        s.shell.studio(studio);
        s.eval(Scripts.MARA + Scripts.NOIR + """
                pipeline('pack') { select top: 1 }
                def shots = generate mara, template: 'canonical', seed: 4242, count: 2
                def best = refine shots[1], strength: 0.3
                upscale best, mode: 'ultra'
                removeBackground best
                inpaint shots[0], mask: 'anchors/mara/front.png'
                estimate mara, template: 'canonical'
                credits
                models()
                run 'pack', character: mara, template: 'canonical', seed: 7
                """);
        assertEquals(List.of("generate 2", "refine img2 0.3 false", "upscale refined {mode=ultra}", "nobg refined",
                "inpaint img1 front.png", "estimate", "credits", "models", "run pack seed 7 {}"), studio.calls);
        assertEquals(4242L, studio.last.seed());
    }

    @Test void generateOnAListIsExplained() {
        Scripts s = Scripts.inExamples();
        s.shell.studio(new RecordingStudio());
        DslException e = assertThrows(DslException.class, () -> s.eval("upscale(['a', 'b'])"));
        assertTrue(e.sentence().contains("works on one image but got a list of 2; pick one, e.g. shots[0]"), e.sentence());
    }

    @Test void includeLooksInTheScriptFolderThenTheLibraryThenTheShippedLibrary() throws Exception {
        Path script = Files.createDirectories(tmp.resolve("work"));
        Path library = Files.createDirectories(tmp.resolve("lib/blocks/styles"));
        Files.writeString(library.resolve("noir.groovy"), "style('noir') { tokens 'from the library' }\n");
        SitterShell shell = SitterShell.builder().baseDir(script).workDir(tmp).libraryDir(tmp.resolve("lib"))
                .shippedLibrary(Scripts.SHIPPED).build();
        shell.eval("include 'blocks/styles/noir.groovy'", "input-1");
        assertEquals(List.of("from the library"), shell.definitions().style("noir").tokens());
        shell.eval("include 'blocks/styles/anime.groovy'", "input-2");
        assertEquals("Leonardo Anime XL", shell.definitions().style("anime").model());
        Files.createDirectories(script.resolve("blocks/styles"));
        Files.writeString(script.resolve("blocks/styles/noir.groovy"), "style('noir') { tokens 'from the script folder' }\n");
        shell.eval("include 'blocks/styles/noir.groovy'", "input-3");
        assertEquals(List.of("from the script folder"), shell.definitions().style("noir").tokens());
    }

    @Test void pathsInAnIncludedBlockAreRelativeToThatBlock() throws Exception {
        Path blocks = Files.createDirectories(tmp.resolve("blocks"));
        Files.copy(Scripts.EXAMPLES.resolve("anchors/styles/noir.png"), blocks.resolve("swatch.png"));
        Files.writeString(blocks.resolve("s.groovy"), "style('s') { model 'Leonardo Kino XL'; reference 'swatch.png', strength: 'high' }\n");
        Scripts s = new Scripts(tmp);
        s.eval("include 'blocks/s.groovy'");
        StyleDef style = s.shell.definitions().style("s");
        assertEquals("blocks/swatch.png", style.reference().path());
        assertEquals("High", style.referenceStrength());
    }

    @Test void everyShippedBlockLoadsAndTheLibraryHasTheStarterSet() throws Exception {
        Scripts s = new Scripts(tmp);
        List<String> blocks;
        try (var files = Files.walk(Scripts.SHIPPED.resolve("blocks"))) {
            blocks = files.filter(f -> f.toString().endsWith(".groovy")).map(f -> Scripts.SHIPPED.relativize(f).toString()).sorted().toList();
        }
        for (String b : blocks) s.eval("include '" + b.replace('\\', '/') + "'");
        assertTrue(s.shell.definitions().ids(dev.sitter.prompt.Definitions.Kind.STYLE).containsAll(List.of("photoreal", "anime", "painterly", "noir")));
        assertTrue(s.shell.definitions().ids(dev.sitter.prompt.Definitions.Kind.CAMERA).size() >= 3);
        assertTrue(s.shell.definitions().ids(dev.sitter.prompt.Definitions.Kind.NEGATIVES).size() >= 2);
        assertTrue(s.warnings.isEmpty(), s.warnings.toString());
    }

    @Test void lintWarningsCarryTheScriptLine() {
        Scripts s = Scripts.inExamples();
        s.eval(Scripts.MARA + Scripts.NOIR + "\nprompt 'Mara Voss, 34, olive skin, short black bob, silver streak, green eyes, scar on left cheek, freckles, calm', template: 'canonical'\n");
        assertEquals(1, s.warnings.size(), s.warnings.toString());
        DslWarning w = s.warnings.get(0);
        assertEquals("test.groovy", w.file());
        assertEquals(30, w.line());
        assertTrue(w.message().contains("near-copy of the identity anchor of 'mara'"), w.message());
    }

    @Test void aStringNamingACharacterIsThatCharacter() {
        Scripts s = Scripts.inExamples();
        PromptSpec p = (PromptSpec) s.eval(Scripts.MARA + Scripts.NOIR + "prompt 'mara', template: 'canonical'\n");
        assertEquals("mara", p.recipe().characterId());
    }

    @Test void scriptPrintlnGoesToTheConfiguredStream() {
        Scripts s = Scripts.inExamples();
        s.eval("println 'hello'");
        assertEquals("hello\n", s.out());
    }
}
