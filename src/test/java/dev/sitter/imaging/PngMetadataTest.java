package dev.sitter.imaging;

import dev.sitter.library.Samples;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PngMetadataTest {
    @Test
    void spliceKeepsEveryOriginalChunkByteForByteAndAddsValidCrcs() throws Exception {
        byte[] png = Samples.png(20, 10, 1);
        byte[] out = PngChunks.splice(png, c -> false, List.of(PngText.tEXt("Comment", "hello"), PngText.iTXt("Title", "Zoë ✓")));
        List<PngChunks.Chunk> chunks = PngChunks.read(out); // checks every CRC
        assertEquals(List.of("IHDR", "tEXt", "iTXt"), chunks.subList(0, 3).stream().map(PngChunks.Chunk::type).toList());
        assertEquals(png.length + 12 + 13 + 12 + "Title".length() + 5 + "Zoë ✓".getBytes(StandardCharsets.UTF_8).length, out.length);
        assertArrayEquals(PngChunks.pixelData(png), PngChunks.pixelData(out));
        Map<String, String> text = PngText.all(chunks);
        assertEquals("hello", text.get("Comment"));
        assertEquals("Zoë ✓", text.get("Title"));
        // Java's own decoder and Commons Imaging still read the image
        assertEquals(20, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(out)).getWidth());
        assertEquals(10, Imaging.getImageInfo(out).getHeight());
    }

    @Test
    void embeddingTwiceReplacesRatherThanDuplicates() throws Exception {
        byte[] png = Samples.png(4, 4, 2);
        byte[] once = PngChunks.splice(png, c -> false, List.of(PngText.iTXt("parameters", "a")));
        byte[] twice = PngChunks.splice(once, c -> "parameters".equals(PngText.keyword(c)), List.of(PngText.iTXt("parameters", "b")));
        assertEquals(Map.of("parameters", "b"), PngText.all(PngChunks.read(twice)));
    }

    @Test
    void corruptOrTruncatedFilesGetClearErrors() {
        byte[] png = Samples.png(4, 4, 3);
        byte[] badCrc = png.clone();
        badCrc[30] ^= 1; // inside IHDR's data
        assertTrue(assertThrows(ImageFormatException.class, () -> PngChunks.read(badCrc)).getMessage().contains("'IHDR' at offset 8 has a bad CRC"));
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 5);
        assertTrue(assertThrows(ImageFormatException.class, () -> PngChunks.read(cut)).getMessage().contains("truncated"));
        assertTrue(assertThrows(ImageFormatException.class, () -> PngChunks.read("GIF89a....".getBytes())).getMessage().contains("not a PNG"));
        byte[] huge = png.clone();
        huge[8] = 0x7f; // IHDR length claims ~2 GB
        assertTrue(assertThrows(ImageFormatException.class, () -> PngChunks.read(huge)).getMessage().contains("claims"));
    }

    @Test
    void textChunksFromOtherToolsAreRead() throws Exception {
        // zTXt and compressed iTXt, as Pillow and Commons Imaging write them
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        z.writeBytes("prompt\0\0".getBytes(StandardCharsets.ISO_8859_1));
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput("{\"3\": {}}".getBytes(StandardCharsets.ISO_8859_1));
        d.finish();
        byte[] buf = new byte[256];
        z.write(buf, 0, d.deflate(buf));
        byte[] out = PngChunks.splice(Samples.png(4, 4, 4), c -> false, List.of(PngChunks.Chunk.of("zTXt", z.toByteArray())));
        assertEquals("{\"3\": {}}", PngText.all(PngChunks.read(out)).get("prompt"));
    }

    @Test
    void a1111ParametersFormatLikeAutomatic1111AndParseBack() {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("Steps", 30);
        s.put("Sampler", null);
        s.put("CFG scale", "7");
        s.put("Seed", 1234);
        s.put("Size", "1024x1024");
        s.put("Model", "Leonardo, Phoenix: 1.0");
        String text = A1111Parameters.format("a cat in a hat", "blurry", s);
        assertEquals("a cat in a hat\nNegative prompt: blurry\n"
                + "Steps: 30, CFG scale: 7, Seed: 1234, Size: 1024x1024, Model: \"Leonardo, Phoenix: 1.0\"", text);
        A1111Parameters.Parsed p = A1111Parameters.parse(text);
        assertEquals("a cat in a hat", p.prompt());
        assertEquals("blurry", p.negative());
        assertEquals("Leonardo, Phoenix: 1.0", p.settings().get("Model"));
        assertEquals("1234", p.settings().get("Seed"));
        A1111Parameters.Parsed multi = A1111Parameters.parse(A1111Parameters.format("line one\nline two", null, s));
        assertEquals("line one\nline two", multi.prompt());
        assertNull(multi.negative());
        assertEquals("30", multi.settings().get("Steps"));
    }

    @Test
    void xmpEscapesValuesAndRefusesDoctypes() throws Exception {
        String xmp = XmpPacket.build(Map.of("Iptc4xmpExt:AIPromptInformation", "a <b> & \"c\"\u0001 d"));
        assertEquals("a <b> & \"c\" d", XmpPacket.parse(xmp).get("Iptc4xmpExt:AIPromptInformation"));
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + XmpPacket.NS_RDF + "\"><rdf:Description>&e;</rdf:Description></rdf:RDF></x:xmpmeta>";
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> XmpPacket.parse(evil));
        assertTrue(e.getMessage().contains("not well-formed") || e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> XmpPacket.build(Map.of("dc:title", "x")));
    }

    @Test
    void jpegStructureErrorsAreClear() {
        byte[] jpg = Samples.jpeg(8, 8, 5);
        byte[] cut = java.util.Arrays.copyOf(jpg, 30);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> JpegXmp.write(cut, "<x/>"));
        assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
        assertThrows(ImageFormatException.class, () -> JpegXmp.write(jpg, "x".repeat(JpegXmp.MAX_PACKET_BYTES + 1)));
    }
}
