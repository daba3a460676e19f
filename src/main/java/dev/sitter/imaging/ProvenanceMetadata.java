package dev.sitter.imaging;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a provenance record into an image file and reads it back, without touching pixels.
 *
 * <p>PNG gets three text chunks right after IHDR: the XMP packet (iTXt {@value #XMP_KEYWORD}, with
 * the IPTC digital source type), the record itself (iTXt {@value #PROVENANCE_KEYWORD}) and the
 * AUTOMATIC1111 {@value #PARAMETERS_KEYWORD} text. JPEG gets the same XMP packet in APP1, with the
 * record and the parameters text as {@code sitter:Provenance} / {@code sitter:Parameters}.
 * Any older chunks with these keywords are replaced, so embedding twice gives one copy.
 */
public final class ProvenanceMetadata {
    public static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    public static final String PROVENANCE_KEYWORD = "sitter:provenance";
    public static final String PARAMETERS_KEYWORD = "parameters";
    private static final Set<String> OURS = Set.of(XMP_KEYWORD, PROVENANCE_KEYWORD, PARAMETERS_KEYWORD);

    private ProvenanceMetadata() {}

    public static String mediaType(byte[] image) {
        if (PngChunks.isPng(image)) return "image/png";
        if (JpegXmp.isJpeg(image)) return "image/jpeg";
        if (image.length >= 12 && new String(image, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(image, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP")) return "image/webp";
        return "application/octet-stream";
    }

    /** Whether {@link #embed} can write into this format. */
    public static boolean canEmbed(byte[] image) {
        return PngChunks.isPng(image) || JpegXmp.isJpeg(image);
    }

    /**
     * A copy of {@code image} carrying the record.
     *
     * @param provenanceJson the record as stored in the library (embedded verbatim)
     */
    public static byte[] embed(byte[] image, Provenance p, String provenanceJson) throws ImageFormatException {
        String parameters = parameters(p);
        if (PngChunks.isPng(image)) {
            String xmp = XmpPacket.build(xmpProperties(p, null, null));
            List<PngChunks.Chunk> add = List.of(
                    PngText.iTXt(XMP_KEYWORD, xmp),
                    PngText.iTXt(PROVENANCE_KEYWORD, provenanceJson),
                    PngText.textOrItxt(PARAMETERS_KEYWORD, parameters));
            return PngChunks.splice(image, c -> { String k = PngText.keyword(c); return k != null && OURS.contains(k); }, add);
        }
        if (JpegXmp.isJpeg(image)) {
            String xmp = XmpPacket.build(xmpProperties(p, provenanceJson, parameters));
            if (xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > JpegXmp.MAX_PACKET_BYTES) {
                // A huge record does not fit one APP1 segment; the library copy stays authoritative.
                xmp = XmpPacket.build(xmpProperties(p, null, parameters));
            }
            return JpegXmp.write(image, xmp);
        }
        throw new ImageFormatException("cannot embed metadata in " + mediaType(image) + " files (only PNG and JPEG)");
    }

    /** Reads back what {@link #embed} wrote (and the same keys written by other tools). */
    public static EmbeddedMetadata read(byte[] image) throws ImageFormatException {
        if (PngChunks.isPng(image)) {
            Map<String, String> text = PngText.all(PngChunks.read(image));
            String xmp = text.get(XMP_KEYWORD);
            Map<String, String> props = xmp == null ? Map.of() : XmpPacket.parse(xmp);
            return new EmbeddedMetadata("image/png", text, xmp, props, text.get(PROVENANCE_KEYWORD), text.get(PARAMETERS_KEYWORD));
        }
        if (JpegXmp.isJpeg(image)) {
            String xmp = JpegXmp.read(image);
            Map<String, String> props = xmp == null ? Map.of() : XmpPacket.parse(xmp);
            return new EmbeddedMetadata("image/jpeg", Map.of(), xmp, props, props.get("sitter:Provenance"), props.get("sitter:Parameters"));
        }
        throw new ImageFormatException("not a PNG or JPEG file");
    }

    /** The XMP properties, in the order they are written. */
    static Map<String, String> xmpProperties(Provenance p, String provenanceJson, String parameters) {
        PromptSpec r = p.request();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Iptc4xmpExt:DigitalSourceType", p.digitalSourceType());
        m.put("Iptc4xmpExt:AISystemUsed", aiSystem(p));
        m.put("Iptc4xmpExt:AISystemVersionUsed", r.modelId());
        m.put("Iptc4xmpExt:AIPromptInformation", r.prompt());
        m.put("xmp:CreatorTool", p.tool());
        m.put("xmp:CreateDate", p.times().completedAt() != null ? p.times().completedAt() : p.times().recordedAt());
        m.put("sitter:AssetId", p.assetId());
        m.put("sitter:Step", p.step());
        m.put("sitter:ParentId", p.parentId());
        m.put("sitter:Character", r.recipe().characterId());
        m.put("sitter:GenerationId", p.leonardo().generationId());
        m.put("sitter:Seed", p.seed() == null ? null : String.valueOf(p.seed()));
        m.put("sitter:Parameters", parameters);
        m.put("sitter:Provenance", provenanceJson);
        return m;
    }

    private static String aiSystem(Provenance p) {
        String model = p.request().modelName() != null ? p.request().modelName() : p.request().modelId();
        String system = p.backend() != null && "sandbox".equals(p.backend().kind()) ? "Sitter offline sandbox" : "Leonardo.Ai";
        return model == null ? system : system + " (" + model + ")";
    }

    /** The AUTOMATIC1111-style parameters text for this record. */
    public static String parameters(Provenance p) {
        PromptSpec r = p.request();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Steps", r.steps());
        s.put("CFG scale", r.guidance() == null ? null : trim(r.guidance()));
        s.put("Seed", p.seed());
        s.put("Size", r.width() == null || r.height() == null ? null : r.width() + "x" + r.height());
        s.put("Model", r.modelName() != null ? r.modelName() : r.modelId());
        s.put("Model ID", r.modelId());
        s.put("Preset", r.presetStyle());
        s.put("Init strength", r.init() == null ? null : trim(r.init().strength()));
        s.put("Version", p.tool());
        return A1111Parameters.format(r.prompt(), r.negativePrompt(), s);
    }

    private static String trim(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
