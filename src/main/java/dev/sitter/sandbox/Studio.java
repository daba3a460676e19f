package dev.sitter.sandbox;

import dev.sitter.sandbox.render.Identity;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Look;
import dev.sitter.sandbox.render.PngEncoder;
import dev.sitter.sandbox.render.PortraitRenderer;
import dev.sitter.sandbox.render.PromptReader;
import dev.sitter.sandbox.render.Raster;
import dev.sitter.sandbox.render.Resample;
import dev.sitter.sandbox.render.Rgb;
import dev.sitter.sandbox.render.SplitMix64;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a generation request into pictures: reads identity and style from the prompt, applies
 * Character/Style/Content References and image-to-image, renders each image with its own seed
 * (see {@link #imageSeed}) and encodes it. Everything is a pure function of the request,
 * the seed and the bytes of referenced images.
 */
final class Studio {
    private final Store store;

    Studio(Store store) {
        this.store = store;
    }

    /** A rendered image ready to store. */
    record Rendered(byte[] png, PortraitRenderer.Request request, int width, int height) {}

    /** A picture a request points at, with the identity it shows when we know it. */
    record Source(Raster pixels, Identity identity) {}

    /**
     * The seed image {@code index} of a generation renders with: the generation's seed for the first,
     * a hash of (seed, index) for the others. Not seed + index: then image 2 of seed 4242 would be image 1
     * of seed 4243, and a seed sweep or "next seed" would pay for pictures the user already has.
     */
    static long imageSeed(long seed, int index) {
        return index == 0 ? seed : SplitMix64.derive(seed, "image:" + index);
    }

    Rendered render(GenerationRequest req, long seed, int index, boolean drift) {
        Identity identity = PromptReader.identity(req.prompt(), req.negativePrompt());
        Look look = PromptReader.look(req.prompt(), req.presetStyle(), req.modelId());
        Raster content = null;
        double contentWeight = 0;
        for (Reference ref : req.references()) {
            Source src = source(ref.imageId(), ref.uploaded());
            if (src == null) continue;
            switch (ref.role()) {
                case CHARACTER -> identity = identity.towards(anchorIdentity(identity, src), ref.weight());
                case STYLE -> look = look.withTint(Resample.mean(src.pixels(), 0, 0, 1, 1), Math.min(0.85, ref.weight()));
                case CONTENT -> { content = src.pixels(); contentWeight = 0.35 * ref.weight(); }
                case GENERIC -> {
                    // v2 image_reference: one kind of reference that carries both identity and palette
                    identity = identity.towards(anchorIdentity(identity, src), ref.weight());
                    look = look.withTint(Resample.mean(src.pixels(), 0, 0, 1, 1), 0.3 * ref.weight());
                }
            }
        }
        long own = imageSeed(seed, index);
        if (drift) identity = drifted(identity, own);
        // Image-to-image re-noises the source, so even the seed that made it gives a new picture:
        // the fresh render's seed is tied to the init image, and the blend below keeps the source's structure.
        // It is tied to the init image's pixels, not its id: ids differ on every run, and the same request
        // on the same picture must give the same bytes (pack replay of a refine depends on it).
        Source init = initSource(req);
        String initId = req.initImageId() != null ? req.initImageId()
                : req.initGenerationImageId() != null ? req.initGenerationImageId() : req.canvasInitId();
        String initKey = init != null ? contentKey(init.pixels()) : initId;
        long renderSeed = initKey == null ? own : SplitMix64.derive(own, "img2img:" + initKey);
        PortraitRenderer.Request rr = new PortraitRenderer.Request(identity, look, renderSeed, req.width(), req.height());
        Raster img = PortraitRenderer.render(rr);
        if (content != null) img = Resample.blend(img, Resample.resize(content, img.width, img.height), contentWeight);
        if (init != null) {
            Raster base = Resample.resize(init.pixels(), img.width, img.height);
            double keep = req.initStrength() == null ? 0.5 : req.initStrength();
            Raster mask = maskSource(req);
            img = mask == null ? Resample.blend(img, base, keep) : inpaint(img, base, Resample.resize(mask, img.width, img.height), keep);
        }
        if ("foreground_only".equals(req.transparency())) cutOut(img, PortraitRenderer.silhouette(rr));
        return new Rendered(encode(img, identity, req.prompt()), rr, img.width, img.height);
    }

    /** A fingerprint of a picture's pixels (size and ARGB), the same however the picture reached the sandbox. */
    static String contentKey(Raster p) {
        java.security.MessageDigest md = dev.sitter.util.Sha256.digest();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * 4096);
        buf.putInt(p.width).putInt(p.height);
        for (int v : p.argb) {
            if (!buf.hasRemaining()) { md.update(buf.array(), 0, buf.position()); buf.clear(); }
            buf.putInt(v);
        }
        md.update(buf.array(), 0, buf.position());
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    static byte[] encode(Raster img, Identity identity, String prompt) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", "Sitter offline sandbox");
        if (identity != null) text.put(ImageCodec.IDENTITY_KEY, identity.encode());
        return PngEncoder.encode(img, text);
    }

    /** What a Character Reference anchor shows: its recorded identity, or colours sampled from where a portrait's skin and hair usually are. */
    private static Identity anchorIdentity(Identity current, Source src) {
        if (src.identity() != null) return src.identity();
        Raster p = src.pixels();
        int skin = Resample.mean(p, 0.42, 0.42, 0.58, 0.52);
        int hair = Resample.mean(p, 0.4, 0.1, 0.6, 0.18);
        return new Identity(skin, hair, current.hairLength(), current.curly(), current.streak(), current.eyes(), current.glasses(),
                current.sunglasses(), current.scar(), current.freckles(), current.expression(), current.beard(), current.layoutSeed());
    }

    /** Identity drift: the render wanders off the character (other hair, eyes, skin and face layout). */
    static Identity drifted(Identity id, long seed) {
        SplitMix64 r = new SplitMix64(SplitMix64.derive(seed, "drift"));
        int[] skins = {0xf3d9c8, 0xd8a884, 0xa87552, 0x6e4630};
        int[] hairs = {0xd8b56a, 0xa8321c, 0x1c1a1a, 0x9a9a9a, 0x6e3b1f};
        int[] eyes = {0x5a3a1e, 0x3a6fc0, 0x8a6a2e, 0x7f8a93};
        Identity.HairLength[] lengths = Identity.HairLength.values();
        Identity.HairLength len = lengths[(id.hairLength().ordinal() + 1 + r.nextInt(lengths.length - 1)) % lengths.length];
        return new Identity(differentFrom(id.skin(), skins, r), differentFrom(id.hair(), hairs, r), len, !id.curly(),
                Identity.NO_STREAK, differentFrom(id.eyes(), eyes, r), id.glasses(), id.sunglasses(),
                id.scar() == Identity.Side.NONE ? Identity.Side.NONE : (id.scar() == Identity.Side.LEFT ? Identity.Side.RIGHT : Identity.Side.LEFT),
                id.freckles() == 0 ? 2 : 0, id.expression(), id.beard(), r.nextLong());
    }

    private static int differentFrom(int current, int[] options, SplitMix64 r) {
        int start = r.nextInt(options.length);
        for (int i = 0; i < options.length; i++) {
            int c = options[(start + i) % options.length];
            if (colourDistance(c, current) > 60) return c;
        }
        return options[start];
    }

    private static int colourDistance(int a, int b) {
        return Math.abs(Rgb.r(a) - Rgb.r(b)) + Math.abs(Rgb.g(a) - Rgb.g(b)) + Math.abs(Rgb.b(a) - Rgb.b(b));
    }

    /** White in the mask is repainted; black keeps the init image (init_strength keeps some of it even inside). */
    private static Raster inpaint(Raster rendered, Raster init, Raster mask, double keep) {
        Raster out = new Raster(rendered.width, rendered.height);
        for (int i = 0; i < out.argb.length; i++) {
            double m = Rgb.luma(mask.argb[i]) / 255.0;
            double fromInit = 1 - m * (1 - keep);
            out.argb[i] = 0xff000000 | (Rgb.mix(rendered.argb[i], init.argb[i], fromInit) & 0xffffff);
        }
        return out;
    }

    static void cutOut(Raster img, byte[] mask) {
        for (int i = 0; i < img.argb.length; i++) {
            img.argb[i] = ((mask[i] & 0xff) << 24) | (img.argb[i] & 0xffffff);
        }
    }

    private Source initSource(GenerationRequest req) {
        if (req.initImageId() != null) return source(req.initImageId(), true);
        if (req.initGenerationImageId() != null) return source(req.initGenerationImageId(), false);
        if (req.canvasInitId() != null) return source(req.canvasInitId(), true);
        return null;
    }

    private Raster maskSource(GenerationRequest req) {
        if (req.canvasMaskId() == null) return null;
        Source s = source(req.canvasMaskId(), true);
        return s == null ? null : s.pixels();
    }

    /** Decoded pixels of an uploaded init image or a generated image (or variation); null when absent or unreadable. */
    Source source(String id, boolean uploaded) {
        byte[] bytes;
        if (uploaded) {
            Records.InitImage init = store.initImage(id);
            if (init == null || !init.uploaded) return null;
            bytes = store.blobs.get(init.key);
        } else {
            Records.Image img = store.image(id);
            if (img != null) {
                bytes = store.blobs.get(img.key);
            } else {
                Records.Variation v = store.variation(id);
                bytes = v == null || v.key == null ? null : store.blobs.get(v.key);
            }
        }
        Raster px = ImageCodec.decode(bytes);
        return px == null ? null : new Source(px, ImageCodec.identityOf(bytes));
    }
}
