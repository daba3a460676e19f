package dev.sitter.studio;

import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.library.VerifyReport;
import dev.sitter.model.Provenance;
import dev.sitter.pack.PackException;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import dev.sitter.util.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A composite's mask and a grade's LUT are kept in the library (inputs/, by SHA-256) when the edit
 * is made, so `sitter replay` no longer depends on the user's files, verify notices a lost copy, and
 * a pack ships both and replays byte-identical on a fresh sandbox.
 */
class EditInputsE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();

    @TempDir Path tmp;
    private final SandboxSessions sessions = new SandboxSessions();

    @AfterEach void stop() throws Exception {
        sessions.close();
    }

    /** A session as `sitter run` builds it: its own library and sandbox. */
    private SitterShell session(Path work, Path lib) {
        return sessions.open(work, lib);
    }

    @Test
    void compositeMaskAndGradeLutAreKeptReplayedFromTheLibraryAndShippedInPacks() throws Exception {
        Path work = tmp.resolve("author");
        Files.createDirectories(work.resolve("anchors/mara"));
        for (String f : List.of("front.png", "three-quarter.png", "profile.png")) {
            Files.copy(EXAMPLES.resolve("anchors/mara").resolve(f), work.resolve("anchors/mara").resolve(f));
        }
        Path mask = work.resolve("masks/eyes.png");
        Files.createDirectories(mask.getParent());
        Files.write(mask, dev.sitter.library.Samples.mask(256, 384));
        Path lut = work.resolve("luts/mine.cube");
        Files.createDirectories(lut.getParent());
        Files.copy(Path.of("prompt-library/luts/teal-orange.cube"), lut, StandardCopyOption.REPLACE_EXISTING);
        String maskSha = Sha256.file(mask), lutSha = Sha256.file(lut);

        String quickstart = Files.readString(EXAMPLES.resolve("quickstart.groovy"))
                .replace("generate mara, template: 'canonical', seed: 4242, count: 4", "");
        Path script = work.resolve("mara.groovy");
        Files.writeString(script, quickstart + """
                template('small') { style 'noir'; camera 'portrait85'; negatives 'hard'; size 256, 384 }
                pipeline('touchup') {
                    explore count: 2, size: '256x384', steps: 15
                    select top: 1
                    composite from: 'master', mask: 'masks/eyes.png'
                    grade lut: 'luts/mine.cube'
                }
                shots = generate mara, template: 'small', seed: 31, count: 1
                master mara, shots[0]
                out = run 'touchup', character: mara, template: 'small', seed: 5
                exported = pack 'export', 'touchup', characters: [mara], templates: ['small'], assetsOf: [mara],
                    author: 'Ada', license: 'CC-BY-4.0', tosReviewed: '2026-01-01',
                    modelNotes: ['Leonardo Kino XL': 'commercial use per Leonardo terms']
                """);
        Path lib1 = tmp.resolve("lib1");
        SitterShell author = session(work, lib1);
        author.evalFile(script);
        StudioPacks.Outcome exported = (StudioPacks.Outcome) author.binding().getVariable("exported");
        assertTrue(exported.ok(), exported.summary());

        Library library = Library.open(lib1);
        String gradedId = ((PipelineOutcome) author.binding().getVariable("out")).items().get(0).id();
        Provenance graded = library.get(gradedId);
        Provenance composite = library.get(graded.parentId());
        assertEquals("grade", graded.step());
        assertEquals("composite", composite.step());
        assertEquals(lutSha, graded.edit().lutSha256());
        assertEquals(maskSha, composite.edit().maskSha256());
        assertEquals("masks/eyes.png", composite.edit().mask(), "as the script names it");
        assertArrayEquals(Files.readAllBytes(mask), library.readInput(maskSha), "the mask is kept");
        assertArrayEquals(Files.readAllBytes(lut), library.readInput(lutSha), "the LUT is kept");
        assertTrue(library.verify().ok(), library.verify().problems().toString());

        // both ship in the pack, and a fresh library and sandbox replay every asset byte-identical
        try (ZipFile z = new ZipFile(work.resolve("touchup-1.0.0.zip").toFile())) {
            assertNotNull(z.getEntry("inputs/" + maskSha + ".png"), "the composite's mask is in the pack");
            assertNotNull(z.getEntry("inputs/" + lutSha + ".cube"), "the grade's LUT is in the pack");
        }
        SitterShell user = session(tmp.resolve("user"), tmp.resolve("lib2"));
        StudioPacks.Outcome replayed = (StudioPacks.Outcome) user.eval(
                "pack 'replay', '" + work.resolve("touchup-1.0.0.zip").toString().replace('\\', '/') + "'", "input-1");
        assertTrue(replayed.ok(), replayed.summary());
        assertTrue(replayed.summary().contains("regenerated byte-identical"), replayed.summary());

        // a stranger's pack whose composite record names a file of the user's instead of a shipped mask
        // (no SHA-256, a path outside the pack; pack.json updated to match): replay refuses that step and
        // never reads the file
        Path secret = tmp.resolve("home/alice/private.png");
        Files.createDirectories(secret.getParent());
        Files.write(secret, dev.sitter.library.Samples.mask(256, 384));
        Path lib3 = tmp.resolve("lib3");
        SitterShell third = session(tmp.resolve("third"), lib3);
        third.eval("pack 'import', '" + work.resolve("touchup-1.0.0.zip").toString().replace('\\', '/') + "'", "input-1");
        Path packDir = lib3.resolve("packs/touchup/1.0.0");
        String recordName = "records/" + composite.assetId() + ".json";
        com.fasterxml.jackson.databind.node.ObjectNode rec = (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.sitter.model.Json.tree(Files.readString(packDir.resolve(recordName)));
        com.fasterxml.jackson.databind.node.ObjectNode edit = (com.fasterxml.jackson.databind.node.ObjectNode) rec.get("edit");
        edit.putNull("maskSha256");
        edit.put("mask", "../../../../" + tmp.relativize(secret).toString().replace('\\', '/'));
        byte[] hostile = dev.sitter.model.Json.pretty(rec).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(packDir.resolve(recordName), hostile);
        Path manifest = packDir.resolve("pack.json");
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.sitter.model.Json.tree(Files.readString(manifest));
        for (com.fasterxml.jackson.databind.JsonNode f : m.get("files")) {
            if (f.get("path").asText().equals(recordName)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("sha256", Sha256.hex(hostile)).put("size", hostile.length);
            }
        }
        Files.writeString(manifest, dev.sitter.model.Json.pretty(m));
        StudioPacks.Outcome tampered = (StudioPacks.Outcome) third.eval("pack 'replay', 'touchup/1.0.0'", "input-2");
        assertFalse(tampered.ok(), tampered.summary());
        assertTrue(tampered.summary().contains("FAILED: its record does not say which patch, mask and denoise"), tampered.summary());
        assertFalse(Files.exists(Library.open(lib3).inputPath(Sha256.file(secret))), "the user's file was never read into the library");

        // the user edits their mask and LUT afterwards: `sitter replay` still repeats the recorded edit
        Files.write(mask, dev.sitter.library.Samples.mask(256, 384 + 8));
        Files.writeString(lut, "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n");
        AssetReplay.Outcome again = new AssetReplay((LeonardoStudio) author.studio(), library).replay(gradedId);
        assertTrue(again.identical(), "the grade of the composite replays from the kept copies: " + again);

        // a lost kept copy: verify names it, and replay refuses before sending anything
        Files.delete(library.inputPath(lutSha));
        VerifyReport report = library.verify();
        assertFalse(report.ok());
        assertTrue(report.problems().stream().anyMatch(p -> p.kind().equals("missing") && p.message().contains("the LUT of asset "
                + gradedId.substring(0, 12))), report.problems().toString());
        PackException refused = assertThrows(PackException.class,
                () -> new AssetReplay((LeonardoStudio) author.studio(), library).replay(gradedId));
        assertTrue(refused.getMessage().contains("its LUT") && refused.getMessage().contains("is not kept in the library"),
                refused.getMessage());
    }
}
