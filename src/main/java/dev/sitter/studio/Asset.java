package dev.sitter.studio;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;

import java.nio.file.Path;

/**
 * One recorded image, as a script or the console sees it: what {@code generate} returns and what
 * {@code refine}, {@code upscale} and friends accept.
 *
 * @param id              the asset id (SHA-256 of the image bytes)
 * @param path            the metadata-carrying image file in the library
 * @param leonardoImageId the id Leonardo knows the image by (generated image or variation id)
 * @param variation       whether {@code leonardoImageId} is a variation (upscale, nobg) id
 * @param provenance      the full record
 */
public record Asset(String id, Path path, String leonardoImageId, boolean variation, Provenance provenance) {

    public PromptSpec spec() { return provenance.request(); }

    public Long seed() { return provenance.seed(); }

    public String shortId() { return id.substring(0, 12); }

    public String size() {
        Provenance.ImageFile f = provenance.files().original();
        return f.width() == null ? "?" : f.width() + "x" + f.height();
    }

    public String cost() {
        Provenance.Cost c = provenance.cost();
        return c == null ? "-" : c.amount().stripTrailingZeros().toPlainString() + " " + c.unit();
    }

    @Override public String toString() {
        return "asset " + shortId() + "  " + provenance.step() + "  seed " + seed() + "  " + size()
                + "  " + cost() + "  " + path;
    }
}
