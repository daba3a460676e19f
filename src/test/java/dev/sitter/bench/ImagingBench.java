package dev.sitter.bench;

import dev.sitter.imaging.ContactSheet;
import dev.sitter.imaging.CubeLut;
import dev.sitter.imaging.GalleryItem;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.JpegExport;
import dev.sitter.imaging.LutGrader;
import dev.sitter.imaging.LutLooks;
import dev.sitter.imaging.Resizer;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Local imaging costs on one thread: LUT grading, resizing, JPEG encoding and a 16-image contact
 * sheet. Run with {@code bench/imaging.sh}.
 */
public final class ImagingBench {
    public static void main(String[] args) throws Exception {
        BufferedImage portrait = noise(1024, 1536, 1);
        CubeLut look = LutLooks.tealOrange();
        report("grade 1024x1536 with a 17^3 LUT", 1024 * 1536, () -> LutGrader.apply(look, portrait));
        report("downscale 1024x1536 -> 256x384, area average", 1024 * 1536, () -> Resizer.resize(portrait, 256, 384, Resizer.Filter.AREA));
        report("downscale 1024x1536 -> 512x768, Lanczos-3", 1024 * 1536, () -> Resizer.resize(portrait, 512, 768, Resizer.Filter.LANCZOS3));
        report("upscale 512x768 -> 1024x1536, Lanczos-3", 1024 * 1536, () -> Resizer.resize(Resizer.resize(portrait, 512, 768, Resizer.Filter.AREA), 1024, 1536, Resizer.Filter.LANCZOS3));
        report("JPEG 1024x1536 at quality 92", 1024 * 1536, () -> JpegExport.encode(portrait, 92));
        Path dir = Files.createTempDirectory("imaging-bench");
        try {
            List<GalleryItem> items = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Path f = dir.resolve("p" + i + ".png");
                Images.writePng(noise(512, 768, i), f);
                items.add(new GalleryItem(f, "mara-" + i + "\nseed " + (4242 + i), ""));
            }
            report("contact sheet of 16 PNGs at 512x768 (decode included)", 16 * 512 * 768, () -> ContactSheet.render(items, ContactSheet.Layout.DEFAULT));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** A smooth random image (noise is the worst case for nothing but JPEG, which is fine here). */
    static BufferedImage noise(int w, int h, long seed) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        int base = r.nextInt();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 255 / w + y * 255 / h + r.nextInt(16)) & 0xff;
                px[y * w + x] = 0xff000000 | (v << 16) | (((base >> 8) + v / 2) & 0xff) << 8 | ((base + y) & 0xff);
            }
        }
        return Images.fromPixels(px, w, h);
    }

    static void report(String what, long pixels, Supplier<Object> work) {
        for (int i = 0; i < 3; i++) {
            work.get(); // warm-up
        }
        int n = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            work.get();
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf(Locale.ROOT, "%-58s %8.1f ms  (%.0f Mpx/s)%n", what, ms, pixels / ms / 1000);
    }
}
