package dev.sitter.repl;

import dev.sitter.dsl.SitterShell;
import dev.sitter.prompt.Definitions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the console prints for a definition is DSL that defines the same thing again. */
class DefinitionDslTest {
    private static final String SCRIPT = """
            character('mara') {
                name 'Mara Voss'
                age 34
                skin 'olive skin'
                hair "short black bob with a silver streak"
                eyes 'green eyes'
                features 'scar on left cheek', "light freckles, it's faint"
                affect 'confident', 'calm'
                anchors {
                    image 'anchors/mara/front.png', pose: 'frontal'
                    image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
                    image 'anchors/mara/profile.png', pose: 'profile'
                }
                reference strength: 'Mid'
            }
            style('noir2') { model 'Leonardo Kino XL'; preset 'CINEMATIC'; tokens 'film noir', 'low-key lighting' }
            camera('c85') { tokens '85mm f/1.8' }
            negatives('neg') { tokens 'watermark', 'text' }
            template('canonical') { style 'noir2'; camera 'c85'; negatives 'neg'; size 832, 1216; steps 30; guidance 7.5; count 2 }
            pipeline('pack') { explore count: 8, size: '512x768'; select top: 2; refine strength: 0.35; export 'png', 'jpg' }
            """;

    private static SitterShell shell() {
        return SitterShell.builder().baseDir(Path.of("dsl-examples")).workDir(Path.of("")).build();
    }

    @Test
    void printedDefinitionsEvaluateToEqualDefinitions() {
        SitterShell original = shell();
        original.eval(SCRIPT, "defs");
        StringBuilder printed = new StringBuilder();
        for (Definitions.Kind k : Definitions.Kind.values()) {
            for (Object def : original.definitions().all(k).values()) printed.append(DefinitionDsl.of(def).orElseThrow()).append('\n');
        }
        SitterShell again = shell();
        again.eval(printed.toString(), "printed");
        for (Definitions.Kind k : Definitions.Kind.values()) {
            for (String id : original.definitions().ids(k)) {
                Object a = original.definitions().get(k, id), b = again.definitions().get(k, id);
                if (k == Definitions.Kind.PIPELINE) {
                    // Pipeline steps remember their script line; compare everything else.
                    assertEquals(a.toString(), b.toString(), printed.toString());
                } else {
                    assertEquals(a, b, printed.toString());
                }
            }
        }
        assertTrue(printed.toString().contains("// identity: Mara Voss, 34"), printed.toString());
    }
}
