package dev.sitter.pipeline;

import dev.sitter.imaging.Images;
import dev.sitter.util.Sha256;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generation ops without a network: deterministic images per op, a log of every completed call by
 * key (shared between "processes" to check that nothing is paid twice), and an optional crash after
 * a number of calls, to play a run that is killed mid-way.
 */
class FakeOps implements PortraitOps {
    final Map<String, Integer> paid;
    private final int crashAfter;
    // guarded by this: calls of one step arrive on several threads
    private int calls;

    FakeOps(Map<String, Integer> paidLog, int crashAfter) {
        this.paid = paidLog;
        this.crashAfter = crashAfter;
    }

    FakeOps() {
        this(Collections.synchronizedMap(new TreeMap<>()), Integer.MAX_VALUE);
    }

    private synchronized void call(String key) { // the ops of one step run at once
        if (++calls > crashAfter) {
            throw new IllegalStateException("killed");
        }
        paid.merge(key, 1, Integer::sum);
    }

    @Override
    public List<Produced> generate(String opKey, int count, int width, int height, Integer steps, long seed) {
        call(opKey);
        List<Produced> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "gen-" + seed + "-" + i;
            out.add(new Produced(id, image(id, width / 8, height / 8)));
        }
        return out;
    }

    @Override
    public Produced refine(String opKey, Produced source, double strength) {
        call(opKey);
        String id = "ref-" + source.id();
        BufferedImage src = Images.decode(source.bytes(), source.id());
        return new Produced(id, image(source.id(), src.getWidth(), src.getHeight())); // same look: refine keeps identity
    }

    @Override
    public Produced upscale(String opKey, Produced source, String mode) {
        call(opKey);
        BufferedImage src = Images.decode(source.bytes(), source.id());
        return new Produced("up-" + source.id(), image(source.id().replaceFirst("^ref-", ""), src.getWidth() * 2, src.getHeight() * 2));
    }

    /** White where the mask is white: stands in for the patch the backend paints, exactly inside the mask. */
    @Override
    public Produced inpaint(String opKey, Produced source, java.nio.file.Path mask, String prompt, double strength) {
        call(opKey);
        return new Produced("inp-" + source.id(), patched(source, mask, 0xffffffff));
    }

    @Override
    public Produced composite(String opKey, Produced source, String from, java.nio.file.Path mask, int feather, double denoise) {
        call(opKey);
        return new Produced("cmp-" + source.id(), patched(source, mask, 0xff00ff00));
    }

    /** Patch sources these ops know: 'master' only, like a library with just the master. */
    @Override
    public void checkPatchSource(String from) {
        if (!from.equals("master")) {
            throw new PipelineException("composite from: '" + from + "' is not an asset in the library. Fix: use 'master'.");
        }
    }

    private static byte[] patched(Produced source, java.nio.file.Path mask, int colour) {
        BufferedImage src = Images.decode(source.bytes(), source.id());
        float[] a = dev.sitter.imaging.Masks.read(mask, src.getWidth(), src.getHeight(), source.id()).alpha();
        int[] px = Images.pixels(src);
        for (int i = 0; i < px.length; i++) {
            if (a[i] > 0.5f) px[i] = colour;
        }
        return Images.pngBytes(Images.fromPixels(px, src.getWidth(), src.getHeight()));
    }

    /** A portrait-ish image whose colours follow the id: a backdrop, and a "face" block in the middle. */
    static byte[] image(String id, int w, int h) {
        byte[] hash = Sha256.digest().digest(id.getBytes(StandardCharsets.UTF_8));
        int face = 0xff000000 | (hash[0] & 0xff) << 16 | (hash[1] & 0xff) << 8 | (hash[2] & 0xff);
        int back = 0xff000000 | (hash[3] & 0xff) << 16 | (hash[4] & 0xff) << 8 | (hash[5] & 0xff);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inFace = x > w / 4 && x < 3 * w / 4 && y > h / 6 && y < 3 * h / 4;
                px[y * w + x] = inFace ? face : back;
            }
        }
        return Images.pngBytes(Images.fromPixels(px, w, h));
    }
}
