package dev.sitter.pack;

import dev.sitter.prompt.Definitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A validated pack script must define and request exactly what running it as Groovy does. */
class DeclarativeInterpreterTest {
    @TempDir Path tmp;

    static final String MAIN = """
            include 'blocks/noir.groovy'
            character('mara') {
                name 'Mara Voss'
                age 34
                skin 'olive skin'
                hair "short black bob with a silver streak"
                eyes 'green eyes'
                features 'scar on left cheek', 'light freckles'
                affect(['confident', 'calm'])
                anchors {
                    image 'anchors/mara/front.png', pose: 'frontal'
                    image 'anchors/mara/profile.png', pose: 'profile'
                    image 'anchors/mara/three.png', pose: 'three-quarter'
                }
                reference strength: 'Mid'
            }
            camera('portrait85') { tokens '85mm f/1.8', 'shallow depth of field' }
            negatives('hard') { tokens 'extra fingers', 'watermark' }
            template('canonical') {
                style 'noir'
                camera 'portrait85'
                negatives 'hard'
                size 832, 1216
                steps 30
                guidance 7.5
            }
            pipeline('pack') {
                explore count: 8, size: '512x768', steps: 15
                select top: 2
                refine strength: 0.35
                qa 'eyes match the anchors', 'scar on the left cheek'
                upscale mode: 'ultra'
                export 'png', 'jpg'
            }
            generate mara, template: 'canonical', seed: 4242, count: 4
            generate 'a quiet harbour at dusk', template: 'canonical', seed: 12
            generate mara, template: 'canonical', scene: 'in the rain', seed: 7
            """;

    static final String NOIR = """
            style('noir') {
                model 'Leonardo Kino XL'
                preset 'CINEMATIC'
                tokens 'film noir', 'low-key lighting', 'photoreal'
                reference 'noir.png', strength: 'High'
            }
            """;

    Path pack() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("mara.groovy", MAIN.getBytes(StandardCharsets.UTF_8));
        files.put("blocks/noir.groovy", NOIR.getBytes(StandardCharsets.UTF_8));
        files.put("blocks/noir.png", png(10));
        files.put("anchors/mara/front.png", png(20));
        files.put("anchors/mara/profile.png", png(30));
        files.put("anchors/mara/three.png", png(40));
        Path dir = Files.createDirectories(tmp.resolve("pack"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        PackManifest m = TestPacks.manifest("p", files);
        m = new PackManifest(m.format(), m.name(), m.version(), m.author(), m.license(), m.created(), m.sitterVersion(),
                m.tosReviewed(), m.models(), m.characters(), java.util.List.of("mara.groovy"), m.assets(), m.cost(), m.checklist(), m.files());
        Files.write(dir.resolve("pack.json"), m.toBytes());
        return dir;
    }

    static byte[] png(int shade) throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, shade * 0x010101);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void sameDefinitionsAndRequestsAsFullGroovy() throws IOException {
        Path dir = pack();
        PackScriptRunner.Loaded declarative = PackScriptRunner.load(dir, false);
        PackScriptRunner.Loaded groovy = PackScriptRunner.load(dir, true);
        for (Definitions.Kind k : Definitions.Kind.values()) {
            assertEquals(groovy.shell().definitions().all(k), declarative.shell().definitions().all(k), k.keyword);
        }
        assertEquals(1, declarative.shell().definitions().ids(Definitions.Kind.CHARACTER).size());
        assertEquals(3, groovy.requests().size());
        assertEquals(groovy.requests(), declarative.requests());
        // the recipe names the pack script and line, as a compiled script would
        assertEquals("mara.groovy", declarative.requests().get(0).recipe().sourceFile());
        assertEquals(35, declarative.requests().get(0).recipe().sourceLine());
        assertTrue(declarative.requests().get(0).prompt().startsWith("Mara Voss"), declarative.requests().get(0).prompt());
    }

    @Test
    void dslErrorsNameThePackFileAndLine() throws IOException {
        Path dir = pack();
        Files.writeString(dir.resolve("mara.groovy"), MAIN.replace("age 34", "age 'old'"));
        rewriteManifest(dir);
        PackException e = assertThrows(PackException.class, () -> PackScriptRunner.load(dir, false));
        assertTrue(e.getMessage().startsWith("pack script mara.groovy:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("age"), e.getMessage());
    }

    @Test
    void aScriptChangedAfterImportIsValidatedAgain() throws IOException {
        Path dir = pack();
        Files.writeString(dir.resolve("mara.groovy"), MAIN + "\n'touch /tmp/x'.execute()\n");
        rewriteManifest(dir);
        ScriptRefusedException e = assertThrows(ScriptRefusedException.class, () -> PackScriptRunner.load(dir, false));
        assertTrue(e.getMessage().contains("execute"), e.getMessage());
    }

    /** Re-describes the folder in pack.json, as an attacker who edits an imported pack could. */
    private static void rewriteManifest(Path dir) throws IOException {
        PackManifest m = PackManifest.parse(Files.readAllBytes(dir.resolve("pack.json")), "t");
        java.util.List<PackManifest.FileEntry> files = new java.util.ArrayList<>();
        for (PackManifest.FileEntry f : m.files()) {
            byte[] b = Files.readAllBytes(dir.resolve(f.path()));
            files.add(new PackManifest.FileEntry(f.path(), b.length, dev.sitter.util.Sha256.hex(b)));
        }
        Files.write(dir.resolve("pack.json"), new PackManifest(m.format(), m.name(), m.version(), m.author(), m.license(),
                m.created(), m.sitterVersion(), m.tosReviewed(), m.models(), m.characters(), m.scripts(), m.assets(), m.cost(),
                m.checklist(), files).toBytes());
    }

    @Test
    void aFolderChangedAfterImportIsRefused() throws IOException {
        Path dir = pack();
        Files.writeString(dir.resolve("mara.groovy"), MAIN.replace("Mara Voss", "Someone Else"));
        PackException e = assertThrows(PackException.class, () -> PackScriptRunner.load(dir, false));
        assertTrue(e.getMessage().contains("no longer matches its SHA-256"), e.getMessage());
    }

    @Test
    void aSymlinkPlantedInAnImportedPackIsRefused() throws IOException {
        Path dir = pack();
        Files.createSymbolicLink(dir.resolve("anchors/evil.png"), Path.of("/etc/passwd"));
        PackException e = assertThrows(PackException.class, () -> PackScriptRunner.load(dir, false));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }
}
