package dev.sitter.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PackImportTest {
    @TempDir Path tmp;

    @Test
    void importsAValidPackIntoTheLibrary() throws IOException {
        Path library = tmp.resolve("lib");
        Path zip = Files.write(tmp.resolve("p.zip"), TestPacks.zip(TestPacks.files()));
        PackImporter.Result r = new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false);
        Path dir = library.resolve("packs/test-pack/1.0.0");
        assertEquals(dir, r.dir());
        assertEquals(TestPacks.SCRIPT, Files.readString(dir.resolve("mara.groovy")));
        assertTrue(Files.exists(dir.resolve("pack.json")));
        assertTrue(r.warnings().isEmpty());
        // no staging left behind
        try (var s = Files.list(library.resolve("packs"))) {
            assertEquals(1, s.count());
        }
        PackException again = assertThrows(PackException.class,
                () -> new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false));
        assertTrue(again.getMessage().contains("already in the library"), again.getMessage());
    }

    @Test
    void trustAcceptsNonDeclarativeScriptsWithAWarning() throws IOException {
        Path library = tmp.resolve("lib");
        Path zip = Files.write(tmp.resolve("p.zip"), TestPacks.zip(Map.of("s.groovy", "def x = 1\ncharacter('a') {}".getBytes())));
        PackImporter.Result r = new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, true);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("variable declaration"), r.warnings().get(0));
    }

    @Test
    void includesAreResolvedInsideThePack() throws IOException {
        Path library = tmp.resolve("lib");
        Map<String, byte[]> files = Map.of(
                "blocks/noir.groovy", "style('noir') { tokens 'film noir' }".getBytes(),
                "main.groovy", "include 'blocks/noir.groovy'\ntemplate('t') { style 'noir' }\ncharacter('m') { name 'M' }\nprompt m, template: 't'".getBytes());
        Path zip = Files.write(tmp.resolve("p.zip"), TestPacks.zip(files));
        new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false);
        assertTrue(Files.exists(library.resolve("packs/test-pack/1.0.0/blocks/noir.groovy")));
    }
}
