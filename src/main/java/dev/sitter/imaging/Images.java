package dev.sitter.imaging;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/**
 * Decoding and encoding of pixels with errors a user can act on. Every image Sitter reads goes
 * through here so that a corrupt or hostile file gives one clear message instead of a stack
 * trace or an out-of-memory error (the pixel count is checked before any pixels are decoded).
 */
public final class Images {
    /** Largest image decoded: 100 megapixels, more than any upscaler output (Leonardo's ultra tops out near 5k x 8k). */
    public static final long MAX_PIXELS = 100_000_000L;

    private Images() {}

    /** Reads a PNG/JPEG/GIF/BMP file as TYPE_INT_ARGB. */
    public static BufferedImage read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImagingException("cannot read image " + file + ": " + describe(e)
                    + ". Fix: check that the file exists and is readable.", e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes image bytes; {@code name} is only used in messages. */
    public static BufferedImage decode(byte[] bytes, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImagingException("cannot read image " + name + ": not a PNG, JPEG, GIF or BMP file ("
                        + bytes.length + " bytes). Fix: point to the image file itself, not a record or an archive.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new ImagingException("cannot read image " + name + ": it claims " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " pixels, outside 1.." + MAX_PIXELS
                            + ". Fix: use an image below 100 megapixels (a header this large is often a damaged or hostile file).");
                }
                return toArgb(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (ImagingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw IOException on truncated files and assorted runtime
            // exceptions (IndexOutOfBounds, IllegalArgument) on corrupt ones.
            throw new ImagingException("cannot read image " + name + ": the file is damaged or truncated (" + describe(e)
                    + "). Fix: re-download or regenerate it; the library's `verify` finds which records point to it.", e);
        }
    }

    /** A copy (or the same image when already so) in TYPE_INT_ARGB, the one layout the imaging code works on. */
    public static BufferedImage toArgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        int[] direct = interleavedSrgb(image);
        if (direct != null) {
            return fromPixels(direct, image.getWidth(), image.getHeight());
        }
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
            argb.setRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
        }
        return argb;
    }

    /**
     * The ARGB pixels of an 8-bit RGB or RGBA sRGB image stored as interleaved bytes (what ImageIO
     * decodes most PNGs and JPEGs to), read straight from its bytes: the same values getRGB gives,
     * without its per-pixel colour-model calls (the hottest code of a pipeline run). Null for any
     * other layout (grey, 16-bit, palette, ICC-profiled, premultiplied), which takes the general path.
     */
    private static int[] interleavedSrgb(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        WritableRaster raster = image.getRaster();
        if (!(cm instanceof ComponentColorModel) || !cm.getColorSpace().isCS_sRGB() || cm.isAlphaPremultiplied()
                || cm.getTransferType() != DataBuffer.TYPE_BYTE || raster.getParent() != null
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1) {
            return null;
        }
        int bands = sm.getNumBands();
        boolean alpha = cm.hasAlpha();
        if (bands != cm.getNumComponents() || bands != (alpha ? 4 : 3)) {
            return null;
        }
        for (int size : cm.getComponentSize()) {
            if (size != 8) {
                return null;
            }
        }
        int[] off = sm.getBandOffsets();
        int stride = sm.getPixelStride(), scan = sm.getScanlineStride(), w = image.getWidth(), h = image.getHeight();
        byte[] data = buffer.getData();
        int base = buffer.getOffset();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int i = base + y * scan;
            for (int x = 0; x < w; x++, i += stride) {
                int a = alpha ? data[i + off[3]] & 0xff : 0xff;
                out[y * w + x] = a << 24 | (data[i + off[0]] & 0xff) << 16 | (data[i + off[1]] & 0xff) << 8 | data[i + off[2]] & 0xff;
            }
        }
        return out;
    }

    /** The ARGB pixels, row-major. */
    public static int[] pixels(BufferedImage image) {
        BufferedImage argb = toArgb(image);
        int[] own = ownArgbData(argb);
        if (own != null) {
            return own.clone(); // the same ints getRGB returns for TYPE_INT_ARGB, without a colour-model call per pixel
        }
        return argb.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** An image from row-major ARGB pixels. */
    public static BufferedImage fromPixels(int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] own = ownArgbData(image);
        if (own != null && own.length == argb.length) {
            System.arraycopy(argb, 0, own, 0, argb.length);
        } else {
            image.setRGB(0, 0, width, height, argb, 0, width);
        }
        return image;
    }

    /** The pixel array of a plain TYPE_INT_ARGB image (one row after the other, nothing shared), or null. */
    private static int[] ownArgbData(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (image.getType() != BufferedImage.TYPE_INT_ARGB || raster.getParent() != null
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm) || sm.getScanlineStride() != image.getWidth()
                || !(raster.getDataBuffer() instanceof DataBufferInt buffer) || buffer.getOffset() != 0
                || buffer.getData().length != image.getWidth() * image.getHeight()) {
            return null;
        }
        return buffer.getData();
    }

    /** PNG bytes; the same pixels always give the same bytes (ImageIO's PNG writer adds no timestamp). */
    public static byte[] pngBytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new ImagingException("no PNG writer available in this Java runtime. Fix: use a full JDK 17+.");
            }
        } catch (IOException e) {
            throw new ImagingException("cannot encode PNG: " + describe(e), e);
        }
        return out.toByteArray();
    }

    /** Writes a PNG crash-safely: to a temporary sibling first, then moved into place. */
    public static void writePng(BufferedImage image, Path file) {
        writeAtomically(file, pngBytes(image));
    }

    /** Writes bytes to a temporary sibling and moves it over {@code file}, so a crash never leaves half a file. */
    public static void writeAtomically(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one worth reporting
                }
            }
            throw new ImagingException("cannot write " + file + ": " + describe(e)
                    + ". Fix: check that the folder is writable and the disk is not full.", e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Reads a whole stream; small helper for callers holding an InputStream. */
    public static BufferedImage read(InputStream in, String name) {
        try {
            return decode(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new ImagingException("cannot read image " + name + ": " + describe(e) + ". Fix: retry; the source stream failed.", e);
        }
    }
}
