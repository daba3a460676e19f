package dev.sitter.model;

/**
 * The source image of an image-to-image run: a local file that the client uploads
 * ({@code init_image_id}) or an image Leonardo generated ({@code init_generation_image_id}).
 *
 * @param path             local file, or null
 * @param sha256           SHA-256 of the local file, or null
 * @param generatedImageId Leonardo generated image id, or null
 * @param strength         init_strength, 0.1-0.9
 */
public record InitImage(String path, String sha256, String generatedImageId, double strength) {
    public InitImage {
        if ((sha256 == null) == (generatedImageId == null)) {
            throw new IllegalArgumentException("an init image is either a local file (sha256) or a generated image id");
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore // derived; keeps it out of stored records
    public boolean isUploaded() { return sha256 != null; }
}
