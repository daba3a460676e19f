package dev.sitter.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PackExportTest {
    @TempDir Path tmp;

    @Test
    void exportsAPackThatImportsCleanly() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 3);
        Path zip = tmp.resolve("out/mara-set-1.0.0.zip");
        PackExporter.Result r = new PackExporter().export(f.request("2026-02-01", false), zip);
        assertTrue(r.manifest().checklist().passed(), ReleaseChecklist.render(r.manifest().checklist()));
        assertFalse(r.manifest().checklist().forced());

        PackImporter.Result imp = new PackImporter(tmp.resolve("lib2"), ZipLimits.DEFAULT, DeclarativeGrammar.sitter())
                .importPack(zip, false);
        Path dir = imp.dir();
        String script = Files.readString(dir.resolve("mara-set.groovy"));
        // selected definitions plus the template's dependencies, nothing else
        assertTrue(script.contains("character('mara')"), script);
        assertTrue(script.contains("style('noir')"), script);
        assertTrue(script.contains("camera('portrait85')"), script);
        assertFalse(script.contains("other"), script);
        assertFalse(script.contains("unused"), script);
        assertFalse(script.contains("generate"), script);
        // paths rewritten into the pack, files copied
        assertTrue(script.contains("reference 'files/noir.png'"), script);
        assertArrayEquals(ExportFixture.png("noir"), Files.readAllBytes(dir.resolve("files/noir.png")));
        assertArrayEquals(ExportFixture.png("front"), Files.readAllBytes(dir.resolve("anchors/mara/front.png")));
        assertEquals(3, imp.manifest().assets().size());
        for (PackManifest.Asset a : imp.manifest().assets()) {
            assertTrue(Files.exists(dir.resolve(a.image())));
            assertTrue(Files.exists(dir.resolve(a.record())));
        }
        assertEquals("36 credits", imp.manifest().cost().totals().get("credits").toPlainString() + " credits");
        assertEquals("2026-03-01T10:00:02Z", imp.manifest().created(), "created comes from the inputs, not the clock");
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("## Contact sheet"), readme);
        assertTrue(readme.contains("(assets/mara/"), readme);
        assertTrue(readme.contains("release checklist passed"), readme);
    }

    @Test
    void sameInputsGiveTheSameBytes() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 5);
        Path a = tmp.resolve("a.zip"), b = tmp.resolve("b.zip");
        new PackExporter().export(f.request("2026-02-01", false), a);
        new PackExporter().export(f.request("2026-02-01", false), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void failingChecklistRefusesUnlessForced() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 1);
        Path zip = tmp.resolve("x.zip");
        PackException e = assertThrows(PackException.class, () -> new PackExporter().export(f.request(null, false), zip));
        assertTrue(e.getMessage().contains("terms-of-service review date"), e.getMessage());
        assertTrue(e.getMessage().contains("--tos-reviewed"), e.getMessage());
        assertFalse(Files.exists(zip));

        PackExporter.Result r = new PackExporter().export(f.request(null, true), zip);
        assertTrue(Files.exists(zip));
        assertTrue(r.manifest().checklist().forced());
        assertFalse(r.manifest().checklist().passed());
    }

    @Test
    void realPersonWithoutConsentFails() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 1);
        ExportRequest base = f.request("2026-02-01", false);
        ExportRequest real = new ExportRequest(base.name(), base.version(), base.author(), base.license(), base.tosReviewed(),
                null, base.scripts(), base.definitions(), base.includeDirs(), base.assets(), base.modelNotes(),
                Set.of("mara"), Map.of(), false, null);
        PackException e = assertThrows(PackException.class, () -> new PackExporter().export(real, tmp.resolve("x.zip")));
        assertTrue(e.getMessage().contains("mara flagged as a real person"), e.getMessage());
        ExportRequest consented = new ExportRequest(base.name(), base.version(), base.author(), base.license(), base.tosReviewed(),
                null, base.scripts(), base.definitions(), base.includeDirs(), base.assets(), base.modelNotes(),
                Set.of("mara"), Map.of("mara", "signed model release 2026-01-05"), false, null);
        assertTrue(new PackExporter().export(consented, tmp.resolve("y.zip")).manifest().checklist().passed());
    }

    @Test
    void missingModelNoteAndLabelAndKeyAreReported() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 1);
        ExportAsset a = f.assets.get(0);
        Files.write(a.image(), ExportFixture.png("no label here, key sk-SECRET-123456"));
        ExportRequest base = f.request("2026-02-01", false);
        ExportRequest r = new ExportRequest(base.name(), base.version(), base.author(), base.license(), base.tosReviewed(),
                null, base.scripts(), base.definitions(), base.includeDirs(), base.assets(), Map.of(),
                Set.of(), Map.of(), false, "sk-SECRET-123456");
        PackException e = assertThrows(PackException.class, () -> new PackExporter().export(r, tmp.resolve("x.zip")));
        assertTrue(e.getMessage().contains("no licence note for Leonardo Kino XL"), e.getMessage());
        assertTrue(e.getMessage().contains("no embedded IPTC"), e.getMessage());
        assertTrue(e.getMessage().contains("the key appears in assets/mara/"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-SECRET"), "the message must not repeat the key");
    }

    @Test
    void codeInsideAnExportedDefinitionFailsTheChecklist() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 1);
        Files.writeString(f.script, Files.readString(f.script).replace("'calm'", "\"${mood}\""));
        PackException e = assertThrows(PackException.class, () -> new PackExporter().export(f.request("2026-02-01", false), tmp.resolve("x.zip")));
        assertTrue(e.getMessage().contains("scripts are declarative"), e.getMessage());
        assertTrue(e.getMessage().contains("mara-set.groovy:"), e.getMessage());
        assertTrue(e.getMessage().contains("GString"), e.getMessage());
    }

    @Test
    void checklistRunsOnAnExistingPack() throws IOException {
        ExportFixture f = new ExportFixture(tmp, 2);
        Path zip = tmp.resolve("p.zip");
        new PackExporter().export(f.request(null, true), zip);
        PackManifest.Checklist c = PackCheck.check(zip, ZipLimits.DEFAULT, null);
        assertFalse(c.passed());
        assertEquals(List.of(false), c.items().stream().filter(i -> i.item().startsWith("terms")).map(PackManifest.CheckItem::passed).toList());
        assertTrue(new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1).contains("pack.json"));
    }
}
