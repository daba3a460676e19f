package dev.sitter.model;

import java.util.Objects;

/**
 * One reference image as compiled for a request.
 *
 * <p>Either {@code path}+{@code sha256} name a local file that the client uploads (type UPLOADED),
 * or {@code generatedImageId} names an image Leonardo made (type GENERATED). {@code preprocessorId}
 * is resolved by the compiler from the model family, so the client needs no model table.
 * Exactly one of {@code strengthType} and {@code weight} is set, as the API demands.
 *
 * @param role            character, style or content reference
 * @param path            local file (as written in the script, relative to the script), or null
 * @param sha256          lowercase hex SHA-256 of the file's bytes, or null for generated images
 * @param generatedImageId Leonardo id of a generated image, or null for local files
 * @param preprocessorId  the model family's controlnet preprocessor id (v1 only; null on v2)
 * @param strengthType    Low/Mid/High/Ultra/Max (v1 spelling), or null when weight is used
 * @param weight          numeric weight 0-2, or null when strengthType is used
 * @param pose            the anchor's pose label (frontal, profile, ...), or null
 */
public record ReferenceImage(ReferenceRole role, String path, String sha256, String generatedImageId,
                             Integer preprocessorId, String strengthType, Double weight, String pose) {
    public ReferenceImage {
        Objects.requireNonNull(role, "role");
        if ((sha256 == null) == (generatedImageId == null)) {
            throw new IllegalArgumentException("a reference is either a local file (sha256) or a generated image id");
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore // derived; keeps it out of stored records
    public boolean isUploaded() { return sha256 != null; }
}
