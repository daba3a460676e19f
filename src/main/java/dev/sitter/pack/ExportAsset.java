package dev.sitter.pack;

import java.nio.file.Path;

/**
 * One library asset to put in a pack.
 *
 * @param id        the asset id (SHA-256 of the original image bytes)
 * @param character the character it portrays, or null
 * @param image     the image file to ship (the library's metadata-carrying copy when there is one)
 * @param record    its provenance record (JSON)
 */
public record ExportAsset(String id, String character, Path image, Path record) {}
