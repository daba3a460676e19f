package dev.sitter.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Masks for inpainting and compositing: a black-and-white PNG the size of the image, white where the
 * patch goes, black where the image is kept (grey = partly). Only PNG is taken: JPEG artefacts
 * would smear a mask's edge into the kept part of the image. Every failure is one paragraph naming
 * the mask file and the fix.
 */
public final class Masks {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Masks() {}

    /** A mask file read and checked to be a PNG; its coverage per pixel (0 = keep, 1 = patch) and size. */
    public record Mask(Path file, float[] alpha, int width, int height) {
        /** Whether any pixel is patched at all. */
        public boolean empty() {
            for (float a : alpha) if (a > 0) return false;
            return true;
        }
    }

    /** Reads and checks a mask file (exists, is a PNG, decodes), at whatever size it has. */
    public static Mask read(Path file) {
        return decode(file, readBytes(file));
    }

    /**
     * A mask file's bytes, read once: a caller that hashes, decodes and keeps the mask uses these same
     * bytes, so the record's SHA-256 always names what was used even if the file is saved meanwhile.
     */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImagingException("the mask file " + file + " does not exist. Fix: draw a black-and-white PNG the size of"
                    + " the image (white = the patch, black = kept) and give its path relative to the script, e.g. mask: 'masks/eyes.png'.");
        } catch (IOException e) {
            throw new ImagingException("cannot read the mask file " + file + ": " + e.getMessage()
                    + ". Fix: check that it is a readable file, not a folder.", e);
        }
    }

    /** Checks and decodes a mask's bytes ({@code file} names it in errors), at whatever size it has. */
    public static Mask decode(Path file, byte[] bytes) {
        if (!isPng(bytes)) {
            throw new ImagingException("the mask file " + file + " is not a PNG" + kindOf(bytes) + ". Fix: save the mask as a"
                    + " black-and-white PNG (lossless: a JPEG's artefacts would leak the patch into the kept part of the image).");
        }
        BufferedImage img = Images.decode(bytes, "mask " + file);
        int[] px = Images.pixels(img);
        float[] alpha = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            // Luma of the colour, times its own alpha: a transparent pixel is "keep".
            double luma = (0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff)) / 255.0;
            alpha[i] = (float) (luma * (((p >>> 24) & 0xff) / 255.0));
        }
        return new Mask(file, alpha, img.getWidth(), img.getHeight());
    }

    /** As {@link #read(Path)}, refusing a mask that is black all over (it would change nothing, yet be paid for). */
    public static Mask readPainted(Path file) {
        Mask m = read(file);
        if (m.empty()) {
            throw new ImagingException("the mask file " + file + " is black all over, so nothing would change. Fix: paint the patch"
                    + " (the eyes, the hairline) white.");
        }
        return m;
    }

    /** As {@link #read(Path)}, refusing a mask whose size is not the image's ({@code imageName} names the image in the message). */
    public static Mask read(Path file, int width, int height, String imageName) {
        return decode(file, readBytes(file), width, height, imageName);
    }

    /** As {@link #decode(Path, byte[])}, refusing a mask whose size is not the image's, or that patches nothing. */
    public static Mask decode(Path file, byte[] bytes, int width, int height, String imageName) {
        Mask m = decode(file, bytes);
        if (m.width() != width || m.height() != height) {
            throw new ImagingException("the mask file " + file + " is " + m.width() + "x" + m.height() + " but " + imageName + " is "
                    + width + "x" + height + ". Fix: draw the mask at " + width + "x" + height + " (the size of the images this step"
                    + " works on), or move the step to where the images have the mask's size.");
        }
        if (m.empty()) {
            throw new ImagingException("the mask file " + file + " is black all over, so nothing would change. Fix: paint the patch"
                    + " (the eyes, the hairline) white.");
        }
        return m;
    }

    /**
     * A soft edge: three box blurs of {@code radius} (close to a Gaussian), so the patch fades into the
     * image instead of ending in a seam. Deterministic, so a composite replays to the same bytes.
     */
    public static float[] feather(float[] alpha, int width, int height, int radius) {
        if (radius <= 0) return alpha.clone();
        float[] a = alpha.clone();
        float[] tmp = new float[a.length];
        for (int pass = 0; pass < 3; pass++) {
            boxBlur(a, tmp, width, height, radius, true);
            boxBlur(tmp, a, width, height, radius, false);
        }
        return a;
    }

    private static void boxBlur(float[] in, float[] out, int w, int h, int radius, boolean horizontal) {
        int lines = horizontal ? h : w, len = horizontal ? w : h;
        // A window wider than the line covers all of it whatever the radius: clamped, the work is O(len)
        // and i + r + 1 cannot overflow. Sums run in the same order as before, so masks feather to the same bytes.
        int r = Math.min(radius, len);
        for (int line = 0; line < lines; line++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i <= r && i < len; i++) {
                sum += in[index(line, i, w, horizontal)];
                count++;
            }
            for (int i = 0; i < len; i++) {
                out[index(line, i, w, horizontal)] = (float) (sum / count);
                int drop = i - r, add = i + r + 1;
                if (drop >= 0) { sum -= in[index(line, drop, w, horizontal)]; count--; }
                if (add < len) { sum += in[index(line, add, w, horizontal)]; count++; }
            }
        }
    }

    private static int index(int line, int i, int w, boolean horizontal) {
        return horizontal ? line * w + i : i * w + line;
    }

    /**
     * Pastes {@code patch} onto {@code base} through {@code alpha} (same size): out = base x (1 - a) + patch x a,
     * per channel, opaque. Where alpha is 0 the base's pixels are kept exactly.
     */
    public static BufferedImage paste(BufferedImage base, BufferedImage patch, float[] alpha) {
        int w = base.getWidth(), h = base.getHeight();
        if (patch.getWidth() != w || patch.getHeight() != h || alpha.length != w * h) {
            throw new IllegalArgumentException("paste needs base, patch and mask of one size");
        }
        int[] b = Images.pixels(base), p = Images.pixels(patch), out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            float a = alpha[i];
            if (a <= 0) { out[i] = 0xff000000 | (b[i] & 0xffffff); continue; }
            if (a >= 1) { out[i] = 0xff000000 | (p[i] & 0xffffff); continue; }
            int r = mix((b[i] >> 16) & 0xff, (p[i] >> 16) & 0xff, a);
            int g = mix((b[i] >> 8) & 0xff, (p[i] >> 8) & 0xff, a);
            int bl = mix(b[i] & 0xff, p[i] & 0xff, a);
            out[i] = 0xff000000 | r << 16 | g << 8 | bl;
        }
        return Images.fromPixels(out, w, h);
    }

    private static int mix(int base, int patch, float a) {
        return (int) Math.round(base + (patch - base) * (double) a);
    }

    /** The mask as a greyscale picture (white = 1), e.g. a feathered mask to send to canvas inpainting. */
    public static BufferedImage toImage(float[] alpha, int width, int height) {
        int[] px = new int[alpha.length];
        for (int i = 0; i < px.length; i++) {
            int v = (int) Math.round(Math.max(0, Math.min(1, alpha[i])) * 255);
            px[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        return Images.fromPixels(px, width, height);
    }

    static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) return false;
        for (int i = 0; i < PNG_SIGNATURE.length; i++) if (bytes[i] != PNG_SIGNATURE[i]) return false;
        return true;
    }

    private static String kindOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) return " (it is a JPEG)";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F') return " (it is a WebP)";
        if (b.length == 0) return " (it is empty)";
        return "";
    }
}
