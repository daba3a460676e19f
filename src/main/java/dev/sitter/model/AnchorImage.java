package dev.sitter.model;

import java.util.Objects;

/**
 * One reference image of a character (or a style): the file as the script names it, the
 * content hash that identifies it, and an optional pose label.
 *
 * @param path   the file, relative to the directory of the script that ran (or absolute when it
 *               lies elsewhere), normalised with '/' separators so records read the same on every OS
 * @param sha256 lowercase hex SHA-256 of the file's bytes at the time the script ran
 * @param pose   a pose label such as {@code frontal}, {@code three-quarter}, {@code profile}, or null
 */
public record AnchorImage(String path, String sha256, String pose) {
    public AnchorImage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
