package dev.sitter.pack;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One library asset to put in a pack.
 *
 * @param id        the asset id (SHA-256 of the original image bytes)
 * @param character the character it portrays, or null
 * @param image     the image file to ship (the library's metadata-carrying copy when there is one)
 * @param record    its provenance record (JSON)
 * @param inputs    other files its replay needs (an inpaint's mask), by their path in the pack
 */
public record ExportAsset(String id, String character, Path image, Path record, Map<String, Path> inputs) {
    public ExportAsset {
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
    }

    /** An asset whose replay needs no other file. */
    public ExportAsset(String id, String character, Path image, Path record) {
        this(id, character, image, record, null);
    }

    /** Where a pack keeps an input with this SHA-256: content-addressed, so one mask used twice ships once. */
    public static String inputPath(String sha256, String originalName) {
        String ext = "";
        if (originalName != null) {
            String n = originalName.toLowerCase(java.util.Locale.ROOT);
            int dot = n.lastIndexOf('.');
            if (dot > n.lastIndexOf('/') && n.substring(dot).matches("\\.[a-z0-9]{1,5}")) ext = n.substring(dot);
        }
        return "inputs/" + sha256 + ext;
    }
}
