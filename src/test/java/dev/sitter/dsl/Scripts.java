package dev.sitter.dsl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a shell over a temp folder with the example anchors, capturing output and warnings. */
final class Scripts {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path EXAMPLES = PROJECT.resolve("dsl-examples");
    static final Path SHIPPED = PROJECT.resolve("prompt-library");

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream notes = new ByteArrayOutputStream();
    final ByteArrayOutputStream bodies = new ByteArrayOutputStream();
    final List<DslWarning> warnings = new ArrayList<>();
    final SitterShell shell;

    Scripts(Path baseDir) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        shell = SitterShell.builder().baseDir(baseDir).workDir(baseDir).shippedLibrary(SHIPPED)
                .warnings(warnings::add).out(o).build();
    }

    /** A shell whose base folder is the examples folder (so 'anchors/mara/front.png' resolves). */
    static Scripts inExamples() {
        return new Scripts(EXAMPLES);
    }

    Scripts dryRun() {
        shell.studio(new DryRunStudio(new PrintStream(bodies, true, StandardCharsets.UTF_8),
                new PrintStream(notes, true, StandardCharsets.UTF_8), shell));
        return this;
    }

    Object eval(String text) {
        return shell.eval(text, "test.groovy");
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    /** What the dry-run studio printed: the JSON bodies only. */
    String bodies() { return bodies.toString(StandardCharsets.UTF_8); }

    String notes() { return notes.toString(StandardCharsets.UTF_8); }

    static final String MARA = """
            character('mara') {
                name 'Mara Voss'
                age 34
                skin 'olive skin'
                hair 'short black bob with a silver streak'
                eyes 'green eyes'
                features 'scar on left cheek', 'light freckles'
                affect 'confident', 'calm'
                anchors {
                    image 'anchors/mara/front.png', pose: 'frontal'
                    image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
                    image 'anchors/mara/profile.png', pose: 'profile'
                }
                reference strength: 'Mid'
            }
            """;

    static final String NOIR = """
            style('noir') {
                model 'Leonardo Kino XL'
                preset 'CINEMATIC'
                tokens 'film noir', 'low-key lighting', 'photoreal'
            }
            camera('portrait85')  { tokens '85mm f/1.8', 'shallow depth of field', 'head and shoulders' }
            negatives('hard')     { tokens 'extra fingers', 'mutated features', 'watermark', 'text' }
            template('canonical') {
                style 'noir'
                camera 'portrait85'
                negatives 'hard'
                size 832, 1216
            }
            """;

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
