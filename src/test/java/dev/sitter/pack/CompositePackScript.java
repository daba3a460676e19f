package dev.sitter.pack;

import dev.sitter.cli.CliE2E;
import dev.sitter.imaging.Images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The script the composite pack tests run: two portraits of mara, one patched from the other
 * through an eye-band mask, exported as pack 'patched' 1.0.0 into the script's folder.
 */
final class CompositePackScript {
    private CompositePackScript() {}

    /** Writes {@code work/masks/eyes.png} and {@code work/patch.groovy} (with the quick start's anchors). */
    static void write(Path work) throws IOException {
        Files.createDirectories(work.resolve("masks"));
        int w = 512, h = 768;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = x > 150 && x < 360 && y > 230 && y < 380 ? -1 : 0xff000000;
        Images.writePng(Images.fromPixels(px, w, h), work.resolve("masks/eyes.png"));
        String quickstart = CliE2E.quickstartIn(work).replace("size 832, 1216", "size 512, 768");
        Files.writeString(work.resolve("patch.groovy"), quickstart + """
                verified = generate(mara, template: 'canonical', seed: 9, count: 1)[0]
                shot = generate(mara, template: 'canonical', seed: 10, count: 1)[0]
                patched = composite shot, from: verified, mask: 'masks/eyes.png'
                pack 'export', 'patched', assets: [patched], author: 'Ada', license: 'CC0', tosReviewed: '2026-01-01',
                     modelNotes: ['Leonardo Kino XL': 'commercial use per Leonardo terms']
                """);
    }
}
