package dev.sitter.studio;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.Masks;
import dev.sitter.imaging.Resizer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The local half of {@code composite}: the patch of a verified image pasted onto the image through
 * the feathered mask, and that feathered mask as the denoise pass's canvas mask. Pure and
 * deterministic (the same three inputs give the same bytes), so a replay rebuilds it exactly.
 * A patch source of another size is resampled to the image's size first (Lanczos-3).
 *
 * @param pasted     PNG of the image with the patch pasted in
 * @param mask       PNG of the feathered mask (white = patch), the size of the image
 */
record PatchComposite(byte[] pasted, byte[] mask, int width, int height) {

    /** @param maskFile names the mask in errors; {@code maskBytes} are what is used (read once by the caller) */
    static PatchComposite of(byte[] image, String imageName, byte[] patchSource, String sourceName, Path maskFile, byte[] maskBytes,
                             int feather) {
        BufferedImage base = Images.decode(image, imageName);
        int w = base.getWidth(), h = base.getHeight();
        Masks.Mask mask = Masks.decode(maskFile, maskBytes, w, h, imageName);
        BufferedImage from = Images.decode(patchSource, sourceName);
        if (from.getWidth() != w || from.getHeight() != h) from = Resizer.resize(from, w, h, Resizer.Filter.LANCZOS3);
        float[] soft = Masks.feather(mask.alpha(), w, h, feather);
        byte[] pasted = Images.pngBytes(Masks.paste(base, from, soft));
        byte[] maskPng = Images.pngBytes(Masks.toImage(soft, w, h));
        return new PatchComposite(pasted, maskPng, w, h);
    }
}
