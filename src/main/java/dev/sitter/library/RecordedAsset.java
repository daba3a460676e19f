package dev.sitter.library;

import dev.sitter.model.Provenance;

import java.nio.file.Path;

/**
 * The result of {@link Library#record}.
 *
 * @param assetId          SHA-256 of the image bytes
 * @param image            the file to show the user: the copy with embedded metadata (or the original when the format has none)
 * @param record           the provenance record file
 * @param provenance       the record as stored
 * @param alreadyRecorded  true when these exact bytes were already in the library (nothing new was written)
 */
public record RecordedAsset(String assetId, Path image, Path record, Provenance provenance, boolean alreadyRecorded) {}
