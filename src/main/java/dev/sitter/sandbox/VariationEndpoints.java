package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.sandbox.render.ImageCodec;
import dev.sitter.sandbox.render.Identity;
import dev.sitter.sandbox.render.PortraitRenderer;
import dev.sitter.sandbox.render.Raster;
import dev.sitter.sandbox.render.Resample;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.sitter.sandbox.Fields.Type.*;

/**
 * Variations: upscale (x2), universal upscaler (by upscaleMultiplier), background removal and
 * unzoom, plus {@code GET /variations/{id}}. Each really transforms the pixels: upscales resample
 * to the larger size, nobg returns a PNG whose background has alpha 0.
 */
final class VariationEndpoints {
    private static final long MAX_PIXELS = 20_000_000L;
    private final Services s;

    VariationEndpoints(Services s) {
        this.s = s;
    }

    void register(Router v1) {
        v1.addCreate("POST", "/variations/upscale", "v1/variations/upscale", this::upscale);
        v1.addCreate("POST", "/variations/universal-upscaler", "v1/variations/universal-upscaler", this::universal);
        v1.addCreate("POST", "/variations/nobg", "v1/variations/nobg", this::nobg);
        v1.addCreate("POST", "/variations/unzoom", "v1/variations/unzoom", this::unzoom);
        v1.add("GET", "/variations/{id}", this::get);
    }

    /** The picture a variation starts from. */
    private record Input(Raster pixels, Records.Image root, Identity identity, Records.Image parentImage) {}

    private Reply upscale(Call call) {
        ObjectNode body = call.json();
        Fields f = new Fields(body, "").onlyKnown(Map.of("id", STRING));
        String id = f.required("id");
        Input in = generatedOrVariation(id, false);
        long[] size = fit(in.pixels.width * 2L, in.pixels.height * 2L);
        return start(call, "UPSCALE", id, in, CostTable.UPSCALE, "sdUpscaleJob",
                px -> Resample.resize(px, (int) size[0], (int) size[1]));
    }

    private Reply universal(Call call) {
        ObjectNode body = call.json();
        Fields f = new Fields(body, "").onlyKnown(Map.of("creativityStrength", INT, "detailContrast", INT, "generatedImageId", STRING,
                "initImageId", STRING, "prompt", STRING, "similarity", INT, "ultraUpscaleStyle", STRING, "upscaleMultiplier", FLOAT,
                "upscalerStyle", STRING, "variationId", STRING));
        int given = (f.has("generatedImageId") ? 1 : 0) + (f.has("initImageId") ? 1 : 0) + (f.has("variationId") ? 1 : 0);
        if (given != 1) throw ApiError.validation("send exactly one of generatedImageId, initImageId or variationId");
        Double mult = f.number("upscaleMultiplier");
        double m = mult == null ? 1.5 : mult;
        f.range("upscaleMultiplier", m, 1.0, 2.0);
        f.range("creativityStrength", f.integer("creativityStrength"), 1, 10);
        String style = f.enumValue("upscalerStyle", "universal_upscaler_style",
                Set.of("GENERAL", "CINEMATIC", "2D ART & ILLUSTRATION", "CG ART & GAME ASSETS"));
        String ultra = f.enumValue("ultraUpscaleStyle", "universal_upscaler_ultra_style", Set.of("ARTISTIC", "REALISTIC"));
        if (style != null && ultra != null) throw ApiError.validation("upscalerStyle can not be used with ultraUpscaleStyle; send one of them");
        if (ultra == null && (f.has("similarity") || f.has("detailContrast"))) {
            throw ApiError.validation("similarity and detailContrast can only be used with ultraUpscaleStyle");
        }
        f.range("similarity", f.integer("similarity"), 1, 10);
        f.range("detailContrast", f.integer("detailContrast"), 1, 10);
        if (f.has("prompt")) V1GenerationParser.checkPrompt(f.str("prompt"));
        String sourceId;
        Input in;
        if (f.has("initImageId")) {
            sourceId = f.str("initImageId");
            in = uploaded(sourceId);
        } else if (f.has("variationId")) {
            sourceId = f.str("variationId");
            in = generatedOrVariation(sourceId, true);
        } else {
            sourceId = f.str("generatedImageId");
            in = generatedOrVariation(sourceId, false);
        }
        int w = (int) Math.floor(in.pixels.width * m + 0.5), h = (int) Math.floor(in.pixels.height * m + 0.5);
        if ((long) w * h > MAX_PIXELS) {
            throw ApiError.validation("the maximum upscaled image size is 20 megapixels; " + w + "x" + h + " is larger");
        }
        long cost = ultra != null ? CostTable.universalUpscalerUltra(in.pixels.width, in.pixels.height, m)
                : CostTable.universalUpscaler(CostTable.megapixels(w, h));
        // Ultra adds detail: the sandbox sharpens by the detail contrast (default 5 of 10), a little
        // more in the ARTISTIC style, so each mode and setting gives its own pixels.
        double sharpen = ultra == null ? 0
                : (f.has("detailContrast") ? f.integer("detailContrast") : 5) / 10.0 * (ultra.equals("ARTISTIC") ? 1.5 : 1.0);
        return start(call, "UPSCALE", sourceId, in, cost, "universalUpscaler", px -> {
            Raster big = Resample.resize(px, w, h);
            return sharpen == 0 ? big : dev.sitter.sandbox.render.Sharpen.unsharp(big, sharpen);
        });
    }

    private Reply nobg(Call call) {
        ObjectNode body = call.json();
        Fields f = new Fields(body, "").onlyKnown(Map.of("id", STRING, "isVariation", BOOLEAN));
        String id = f.required("id");
        Input in = generatedOrVariation(id, f.bool("isVariation", false));
        return start(call, "NOBG", id, in, CostTable.NOBG, "sdNobgJob", px -> {
            Raster out = px.copy();
            PortraitRenderer.Request r = in.root.render;
            byte[] mask = PortraitRenderer.silhouette(new PortraitRenderer.Request(r.identity(), r.look(), r.seed(), px.width, px.height));
            Studio.cutOut(out, mask);
            return out;
        });
    }

    private Reply unzoom(Call call) {
        ObjectNode body = call.json();
        Fields f = new Fields(body, "").onlyKnown(Map.of("id", STRING, "isVariation", BOOLEAN));
        String id = f.required("id");
        Input in = generatedOrVariation(id, f.bool("isVariation", false));
        return start(call, "UNZOOM", id, in, CostTable.UNZOOM, "sdUnzoomJob", VariationEndpoints::zoomOut);
    }

    /** The picture shrunk to 70% in the middle, the border continued from its edges. */
    static Raster zoomOut(Raster px) {
        int w = px.width, h = px.height;
        int sw = Math.max(1, (int) (w * 0.7)), sh = Math.max(1, (int) (h * 0.7));
        Raster small = Resample.resize(px, sw, sh);
        int ox = (w - sw) / 2, oy = (h - sh) / 2;
        Raster out = new Raster(w, h);
        for (int y = 0; y < h; y++) {
            int sy = Math.min(sh - 1, Math.max(0, y - oy));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(sw - 1, Math.max(0, x - ox));
                out.argb[y * w + x] = small.argb[sy * sw + sx];
            }
        }
        return out;
    }

    private Reply start(Call call, String type, String sourceId, Input in, long cost, String responseKey, Function<Raster, Raster> work) {
        if (call.fault == Fault.MODERATION) {
            throw new ApiError(403, "unexpected", "content moderation filter: image");
        }
        s.store.admit(cost, s.config.queueLimit());
        Records.Variation v = new Records.Variation(s.store.ids.next(), s.store.now(), type, sourceId, cost);
        v.root = in.root;
        s.store.addVariation(in.parentImage, v);
        boolean failOnPurpose = call.fault == Fault.FAIL;
        s.jobs.submit(() -> {
            Runnable failed = () -> {
                try {
                    s.store.update(() -> v.status = Records.Status.FAILED);
                    s.store.refund(cost);
                } finally {
                    s.store.finished();
                }
            };
            if (failOnPurpose) return failed;
            Raster out;
            String key = "variations/" + v.id + ".png";
            try {
                out = work.apply(in.pixels);
                s.store.blobs.put(key, Studio.encode(out, in.identity, null));
            } catch (RuntimeException e) {
                return failed;
            }
            return () -> {
                try {
                    s.store.update(() -> {
                        v.key = key;
                        v.width = out.width;
                        v.height = out.height;
                        v.status = Records.Status.COMPLETE;
                    });
                } finally {
                    s.store.finished();
                }
            };
        }, t -> s.store.update(() -> v.status = Records.Status.FAILED));
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode job = root.putObject(responseKey);
        job.put("id", v.id);
        job.put("apiCreditCost", cost);
        job.set("cost", new Cost(cost).toJson());
        return Reply.json(root);
    }

    /** A generated image (or, with isVariation, an earlier variation) the sandbox made; uploaded images are refused as Leonardo does. */
    private Input generatedOrVariation(String id, boolean isVariation) {
        if (isVariation) {
            Records.Variation v = s.store.variation(id);
            if (v == null || v.key == null) throw new ApiError(400, "unexpected", "failed to find init variation");
            Raster px = ImageCodec.decode(s.store.blobs.get(v.key));
            if (px == null) throw new ApiError(400, "unexpected", "failed to find init variation");
            if (v.root == null) throw new ApiError(400, "unexpected", "couldn't access image: variations of uploaded images are not supported");
            return new Input(px, v.root, v.root.render.identity(), null);
        }
        Records.Image img = s.store.image(id);
        if (img == null) {
            throw new ApiError(400, "unexpected", "couldn't access image: " + id + " is not a generated image id"
                    + (s.store.initImage(id) != null ? " (variations do not support images uploaded via the init image API)" : ""));
        }
        byte[] bytes = s.store.blobs.get(img.key);
        Raster px = ImageCodec.decode(bytes);
        if (px == null) throw new ApiError(400, "unexpected", "couldn't access image");
        return new Input(px, img, ImageCodec.identityOf(bytes), img);
    }

    private Input uploaded(String id) {
        Records.InitImage init = s.store.initImage(id);
        if (init == null || !init.uploaded) throw ApiError.badRequest("Invalid init image id: " + id + " is not an uploaded init image");
        byte[] bytes = s.store.blobs.get(init.key);
        Raster px = ImageCodec.decode(bytes);
        if (px == null) throw ApiError.badRequest("the init image " + id + " could not be decoded (the sandbox reads PNG and JPEG)");
        return new Input(px, null, ImageCodec.identityOf(bytes), null);
    }

    /** Scales (w, h) down, keeping the aspect, so the result stays within 20 megapixels. */
    private static long[] fit(long w, long h) {
        if (w * h <= MAX_PIXELS) return new long[] {w, h};
        double k = Math.sqrt((double) MAX_PIXELS / (w * h));
        return new long[] {(long) (w * k), (long) (h * k)};
    }

    private Reply get(Call call) {
        String id = GenerationEndpoints.requireUuid(call.param("id"));
        Records.Variation v = s.store.variation(id);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("generated_image_variation_generic");
        if (v != null) {
            synchronized (s.store) {
                ObjectNode n = arr.addObject();
                n.put("id", v.id);
                n.put("status", v.status.name());
                n.put("transformType", v.transformType);
                if (v.key == null || v.status != Records.Status.COMPLETE) n.putNull("url"); else n.put("url", s.cdnUrl(v.key));
                n.put("createdAt", v.createdAt);
            }
        }
        return Reply.json(root);
    }
}
