package dev.sitter.library;

import dev.sitter.imaging.A1111Parameters;
import dev.sitter.imaging.EmbeddedMetadata;
import dev.sitter.imaging.PngChunks;
import dev.sitter.imaging.ProvenanceMetadata;
import dev.sitter.imaging.XmpPacket;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.util.Sha256;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LibraryRecordTest {
    @TempDir Path dir;

    @Test
    void recordStoresOriginalEmbeddedCopyRecordIndexAndLedger() throws Exception {
        Library lib = Library.open(dir);
        byte[] png = Samples.png(16, 12, 1);
        PromptSpec spec = Samples.spec("mara", 4242);
        RecordedAsset a = lib.record(png, spec, Samples.facts(4242));

        assertEquals(Sha256.hex(png), a.assetId());
        assertFalse(a.alreadyRecorded());
        assertArrayEquals(png, Files.readAllBytes(lib.objectPath(a.assetId())), "original kept byte for byte");
        assertEquals(dir.resolve("assets/mara/" + a.assetId() + ".png"), a.image());
        byte[] embedded = Files.readAllBytes(a.image());
        assertArrayEquals(PngChunks.pixelData(png), PngChunks.pixelData(embedded), "pixels not re-encoded");
        assertEquals(a.provenance().files().embedded().sha256(), Sha256.hex(embedded));

        Provenance p = lib.get(a.assetId().substring(0, 8));
        assertEquals(a.provenance(), p);
        assertEquals(spec, p.toSpec(), "replay rebuilds the exact request");
        assertTrue(p.aiGenerated());
        assertEquals("explore", p.step());
        assertEquals(16, p.files().original().width());
        assertEquals("gen-4242", p.leonardo().generationId());
        assertEquals("init-img-1", p.leonardo().uploads().values().iterator().next());

        List<IndexEntry> hits = lib.find(Query.ALL.withCharacter("mara"));
        assertEquals(1, hits.size());
        assertEquals(4242L, hits.get(0).seed());
        assertEquals("noir", hits.get(0).style());
        List<Ledger.Row> rows = lib.ledger().rows();
        assertEquals(1, rows.size());
        assertEquals("12", rows.get(0).renderCost());
        assertEquals("credits", rows.get(0).costUnit());
        assertEquals(spec.prompt(), rows.get(0).prompt());
    }

    @Test
    void embeddedMetadataReadsBackWithOurReaderAndCommonsImaging() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset a = lib.record(Samples.png(8, 8, 2), Samples.spec("mara", 7), Samples.facts(7));
        byte[] file = Files.readAllBytes(a.image());

        EmbeddedMetadata m = ProvenanceMetadata.read(file);
        assertEquals(XmpPacket.TRAINED_ALGORITHMIC_MEDIA, m.digitalSourceType());
        assertEquals("Sitter offline sandbox (Leonardo Kino XL)", m.xmpProperties().get("Iptc4xmpExt:AISystemUsed"));
        assertEquals(Samples.spec("mara", 7).prompt(), m.xmpProperties().get("Iptc4xmpExt:AIPromptInformation"));
        Provenance embedded = Json.MAPPER.readValue(m.provenanceJson(), Provenance.class);
        assertEquals(a.assetId(), embedded.assetId());
        assertNull(embedded.files().embedded(), "a file cannot carry its own hash");

        A1111Parameters.Parsed params = A1111Parameters.parse(m.parameters());
        assertEquals(Samples.spec("mara", 7).prompt(), params.prompt());
        assertEquals("extra fingers, mutated features, watermark, text", params.negative());
        assertEquals("7", params.settings().get("Seed"));
        assertEquals("832x1216", params.settings().get("Size"));
        assertEquals("Leonardo Kino XL", params.settings().get("Model"));
        assertEquals("30", params.settings().get("Steps"));
        assertEquals("7", params.settings().get("CFG scale"));

        // Commons Imaging, an independent reader, sees the same XMP and text chunks.
        String xmp = Imaging.getXmpXml(file);
        assertTrue(xmp.contains(XmpPacket.TRAINED_ALGORITHMIC_MEDIA));
        ImageMetadata meta = Imaging.getMetadata(file);
        String all = meta.toString();
        assertTrue(all.contains("parameters"), all);
        assertTrue(all.contains("sitter:provenance"), all);
        assertEquals(8, Imaging.getImageInfo(file).getWidth());
    }

    @Test
    void recordingTheSameBytesTwiceWritesNothingNew() throws Exception {
        Library lib = Library.open(dir);
        byte[] png = Samples.png(8, 8, 3);
        RecordedAsset first = lib.record(png, Samples.spec("mara", 1), Samples.facts(1));
        RecordedAsset again = lib.record(png, Samples.spec("mara", 1), Samples.facts(1));
        assertTrue(again.alreadyRecorded());
        assertEquals(first.provenance(), again.provenance());
        assertEquals(1, lib.ledger().rows().size());
        assertEquals(1, lib.find(Query.ALL).size());
    }

    @Test
    void jpegGetsXmpInApp1() throws Exception {
        Library lib = Library.open(dir);
        byte[] jpg = Samples.jpeg(16, 16, 4);
        RecordedAsset a = lib.record(jpg, Samples.spec("mara", 9), Samples.facts(9));
        assertTrue(a.image().toString().endsWith(".jpg"));
        assertEquals(16, a.provenance().files().original().width());
        assertEquals(16, a.provenance().files().embedded().height());
        byte[] file = Files.readAllBytes(a.image());
        EmbeddedMetadata m = ProvenanceMetadata.read(file);
        assertEquals(XmpPacket.TRAINED_ALGORITHMIC_MEDIA, m.digitalSourceType());
        assertEquals(a.assetId(), Json.MAPPER.readValue(m.provenanceJson(), Provenance.class).assetId());
        assertTrue(Imaging.getXmpXml(file).contains("trainedAlgorithmicMedia"));
        assertEquals(16, Imaging.getImageInfo(file).getWidth());
    }

    @Test
    void corruptImageIsRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
        Library lib = Library.open(dir);
        byte[] png = Samples.png(8, 8, 5);
        png[png.length - 20] ^= 0x55; // break a CRC
        LibraryException e = assertThrows(LibraryException.class,
                () -> lib.record(png, Samples.spec("mara", 1), Samples.facts(1)));
        assertTrue(e.getMessage().contains("gen-1") && e.getMessage().contains("CRC"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("records")));
        assertThrows(LibraryException.class, () -> lib.record("hello".getBytes(), Samples.spec("m", 1), Samples.facts(1)));
    }

    @Test
    void prefixesResolveLikeGit() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset a = lib.record(Samples.png(8, 8, 6), Samples.spec("mara", 1), Samples.facts(1));
        assertEquals(a.assetId(), lib.resolve(a.assetId().substring(0, 4).toUpperCase()));
        assertTrue(assertThrows(LibraryException.class, () -> lib.resolve("abc")).getMessage().contains("at least 4"));
        assertTrue(assertThrows(LibraryException.class, () -> lib.resolve("xyz!")).getMessage().contains("not an asset id"));
        String missing = a.assetId().startsWith("0000") ? "ffff" : "0000";
        assertTrue(assertThrows(LibraryException.class, () -> lib.resolve(missing)).getMessage().contains("no asset"));
    }

    @Test
    void apiKeyInAPromptNeverReachesDisk() throws Exception {
        String key = "sk-test-FAKEKEY-0123456789abcdef";
        Library lib = Library.open(dir, java.time.Clock.systemUTC(), new SecretScrubber(List.of(key)));
        PromptSpec leaky = Samples.spec("mara", 1).toBuilder().prompt("portrait " + key).build();
        lib.record(Samples.png(8, 8, 7), leaky, Samples.facts(1));
        String jid = lib.journal().begin(new Journal.Intent("generate", leaky, null, key));
        lib.journal().complete(jid, List.of());
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(key), "key leaked into " + f);
            }
        }
    }

    @Test
    void jpegExportsCarryTheSameXmp() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset a = lib.record(Samples.png(24, 16, 8), Samples.spec("mara", 8), Samples.facts(8));
        Path out = lib.exportJpeg(a.assetId().substring(0, 6), dir.resolve("../export-" + a.assetId().substring(0, 6) + ".jpg"), 0.9f);
        byte[] jpg = Files.readAllBytes(out);
        EmbeddedMetadata m = ProvenanceMetadata.read(jpg);
        assertEquals("image/jpeg", m.mediaType());
        assertEquals(XmpPacket.TRAINED_ALGORITHMIC_MEDIA, m.digitalSourceType());
        assertEquals(a.assetId(), m.xmpProperties().get("sitter:AssetId"));
        assertEquals(Samples.spec("mara", 8).prompt(), m.xmpProperties().get("Iptc4xmpExt:AIPromptInformation"));
        assertEquals(24, Imaging.getImageInfo(jpg).getWidth());
        assertTrue(Imaging.getXmpXml(jpg).contains("AISystemUsed"));
        assertTrue(lib.verify().ok(), "exporting changes nothing in the library");
        Files.delete(out);
    }

    @Test
    void aNonLatinPromptGoesIntoAnItxtParametersChunkLikePillowDoes() throws Exception {
        Library lib = Library.open(dir);
        PromptSpec spec = Samples.spec("yuki", 3).toBuilder().prompt("Yuki, 雪の肖像, Zoë").build();
        RecordedAsset a = lib.record(Samples.png(8, 8, 11), spec, Samples.facts(3));
        byte[] file = Files.readAllBytes(a.image());
        List<PngChunks.Chunk> params = PngChunks.read(file).stream()
                .filter(c -> "parameters".equals(dev.sitter.imaging.PngText.keyword(c))).toList();
        assertEquals(1, params.size());
        assertEquals("iTXt", params.get(0).type());
        assertEquals("Yuki, 雪の肖像, Zoë", A1111Parameters.parse(ProvenanceMetadata.read(file).parameters()).prompt());
        assertEquals("Yuki, 雪の肖像, Zoë", ProvenanceMetadata.read(file).xmpProperties().get("Iptc4xmpExt:AIPromptInformation"));
    }
}
