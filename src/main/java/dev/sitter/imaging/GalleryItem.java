package dev.sitter.imaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image of a set as the contact sheet and the gallery show it.
 *
 * @param image   the image file
 * @param caption a short label, e.g. {@code "mara-0003  seed 4242"}; may contain a line break
 * @param recipe  the text shown under the image in the gallery (the provenance JSON, usually); may be empty
 */
public record GalleryItem(Path image, String caption, String recipe) {
    public GalleryItem {
        Objects.requireNonNull(image, "image");
        caption = caption == null ? "" : caption;
        recipe = recipe == null ? "" : recipe;
    }
}
