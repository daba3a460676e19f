package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code /generations} (v1 create, get, delete, list by user) and the v2 create. */
final class GenerationEndpoints {
    /** Words the sandbox's moderation always refuses, as the real filter would. */
    private static final List<String> BLOCKED = List.of("nude", "naked", "nsfw", "gore", "explicit");

    private final Services s;

    GenerationEndpoints(Services s) {
        this.s = s;
    }

    void register(Router v1, Router v2) {
        v1.addCreate("POST", "/generations", "v1/generations", this::createV1);
        v1.add("GET", "/generations/user/{userId}", this::byUser);
        v1.add("GET", "/generations/{id}", this::get);
        v1.add("DELETE", "/generations/{id}", this::delete);
        v2.addCreate("POST", "/generations", "v2/generations", this::createV2);
    }

    private Reply createV1(Call call) {
        GenerationRequest req = V1GenerationParser.parse(call.json());
        Records.Generation g = admit(req, call);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode job = root.putObject("sdGenerationJob");
        job.put("generationId", g.id);
        job.put("apiCreditCost", g.cost);
        job.set("cost", new Cost(g.cost).toJson());
        return Reply.json(root);
    }

    private Reply createV2(Call call) {
        GenerationRequest req = V2GenerationParser.parse(call.json());
        Records.Generation g = admit(req, call);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode job = root.putObject("generate");
        job.put("generationId", g.id);
        job.set("cost", new Cost(g.cost).toJson());
        return Reply.json(root);
    }

    /** Checks references, moderation and budget, then creates the job (charged) and queues its rendering. */
    private Records.Generation admit(GenerationRequest req, Call call) {
        checkImages(req);
        moderate(req, call.fault);
        long cost = req.cost();
        s.store.admit(cost, s.config.queueLimit());
        long seed = req.seed() != null ? req.seed() : s.store.ids.nextSeed();
        Records.Generation g = new Records.Generation(s.store.ids.next(), s.store.now(), req, seed, cost);
        g.drift = call.fault == Fault.DRIFT;
        g.failOnPurpose = call.fault == Fault.FAIL;
        s.store.addGeneration(g);
        s.jobs.submit(() -> render(g), t -> fail(g, "render failed: " + t));
        return g;
    }

    /** Renders every image now; the returned step makes them visible and the job COMPLETE. */
    private Runnable render(Records.Generation g) {
        if (g.failOnPurpose) return () -> fail(g, "injected fault: fail");
        List<Records.Image> images = new ArrayList<>();
        try {
            for (int i = 0; i < g.request.numImages(); i++) {
                Studio.Rendered r = s.studio.render(g.request, g.seed, i, g.drift);
                String imageId = s.store.ids.next();
                String key = "generations/" + g.id + "/" + imageId + ".png";
                s.store.blobs.put(key, r.png());
                images.add(new Records.Image(imageId, g.id, key, r.width(), r.height(), r.request()));
            }
        } catch (RuntimeException e) {
            return () -> {
                try {
                    fail(g, "render failed: " + e);
                } finally {
                    s.store.finished();
                }
            };
        }
        return () -> {
            try {
                for (Records.Image image : images) s.store.addImage(g, image);
                s.store.update(() -> g.status = Records.Status.COMPLETE);
            } finally {
                s.store.finished();
            }
        };
    }

    /** A failed job is refunded, as Leonardo returns the tokens of generations that fail. */
    private void fail(Records.Generation g, String why) {
        boolean[] changed = {false};
        s.store.update(() -> {
            if (g.status == Records.Status.PENDING) {
                g.status = Records.Status.FAILED;
                g.failure = why;
                changed[0] = true;
            }
        });
        if (changed[0]) s.store.refund(g.cost);
        if (g.failOnPurpose) s.store.finished();
    }

    private void checkImages(GenerationRequest req) {
        if (req.initImageId() != null) requireUploaded(req.initImageId(), "init_image_id");
        if (req.canvasInitId() != null) requireUploaded(req.canvasInitId(), "canvasInitId");
        if (req.canvasMaskId() != null) requireUploaded(req.canvasMaskId(), "canvasMaskId");
        if (req.initGenerationImageId() != null && s.store.image(req.initGenerationImageId()) == null) {
            throw ApiError.badRequest("Invalid init image id: init_generation_image_id must be the id of a generated image "
                    + "(generated_images[].id), not a generation id");
        }
        for (Reference r : req.references()) {
            if (r.uploaded()) requireUploaded(r.imageId(), "reference image " + r.imageId());
            else if (s.store.image(r.imageId()) == null && s.store.variation(r.imageId()) == null) {
                throw ApiError.badRequest("Invalid init image id: no generated image " + r.imageId());
            }
        }
    }

    private void requireUploaded(String id, String what) {
        Records.InitImage init = s.store.initImage(id);
        if (init == null) throw ApiError.badRequest("Invalid init image id: " + what + " " + id + " is not an uploaded init image");
        if (!init.uploaded) {
            throw ApiError.badRequest("Invalid init image id: " + what + " " + id + " was created but its file was never uploaded to the presigned URL");
        }
    }

    private void moderate(GenerationRequest req, Fault fault) {
        String p = req.prompt().toLowerCase(Locale.ROOT);
        for (String w : BLOCKED) {
            if (V1Words.containsWord(p, w)) throw new ApiError(403, "unexpected", "content moderation filter: " + w);
        }
        if (fault == Fault.MODERATION) {
            throw new ApiError(403, "unexpected", "content moderation filter: " + V1Words.pick(req.prompt()));
        }
    }

    private Reply get(Call call) {
        String id = requireUuid(call.param("id"));
        Records.Generation g = s.store.generation(id);
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (g == null) root.putNull("generations_by_pk");
        else root.set("generations_by_pk", generationJson(g, false));
        return Reply.json(root);
    }

    private Reply delete(Call call) {
        String id = requireUuid(call.param("id"));
        Records.Generation g = s.store.deleteGeneration(id);
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (g == null) root.putNull("delete_generations_by_pk");
        else root.putObject("delete_generations_by_pk").put("id", g.id);
        return Reply.json(root);
    }

    private Reply byUser(Call call) {
        String userId = requireUuid(call.param("userId"));
        int offset = queryInt(call, "offset", 0);
        int limit = queryInt(call, "limit", 10);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("generations");
        if (userId.equals(s.store.userId)) {
            List<Records.Generation> all = s.store.generationsNewestFirst();
            for (int i = offset; i < Math.min(all.size(), offset + limit); i++) arr.add(generationJson(all.get(i), true));
        }
        return Reply.json(root);
    }

    private static int queryInt(Call call, String name, int dflt) {
        String v = call.query.get(name);
        if (v == null || v.isEmpty()) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.validation(name + ": expected a non-negative integer, got \"" + v + "\"");
        }
    }

    static String requireUuid(String id) {
        if (!Ids.isUuid(id)) throw ApiError.validation("id: \"" + id + "\" is not a valid uuid");
        return id;
    }

    /** The {@code generations} object as the spec shapes it: snake_case containers, camelCase columns; {@code listing} for GET /generations/user. */
    ObjectNode generationJson(Records.Generation g, boolean listing) {
        GenerationRequest r = g.request;
        ObjectNode n = Json.MAPPER.createObjectNode();
        synchronized (s.store) {
            n.put("id", g.id);
            n.put("status", g.status.name());
            n.put("createdAt", g.createdAt);
            n.put("prompt", r.prompt());
            if (r.negativePrompt() == null) n.putNull("negativePrompt"); else n.put("negativePrompt", r.negativePrompt());
            n.put("seed", g.seed);
            if (r.v2()) n.putNull("modelId"); else n.put("modelId", r.modelId());
            if (!r.v2()) {
                n.put("sdVersion", r.reportedSdVersion());
                n.put("scheduler", r.scheduler() == null ? "EULER_DISCRETE" : r.scheduler());
            }
            if (r.presetStyle() == null) n.putNull("presetStyle"); else n.put("presetStyle", r.presetStyle());
            if (r.guidance() == null) n.putNull("guidanceScale"); else n.put("guidanceScale", r.guidance());
            if (r.steps() == null) n.putNull("inferenceSteps"); else n.put("inferenceSteps", r.steps());
            if (r.initStrength() == null) n.putNull("initStrength"); else n.put("initStrength", r.initStrength());
            n.put("imageWidth", r.width());
            n.put("imageHeight", r.height());
            n.put("public", r.isPublic());
            n.put("photoReal", r.photoReal());
            if (r.photoRealStrength() == null) n.putNull("photoRealStrength"); else n.put("photoRealStrength", r.photoRealStrength());
            n.put("promptMagic", r.promptMagic());
            if (r.promptMagicStrength() == null) n.putNull("promptMagicStrength"); else n.put("promptMagicStrength", r.promptMagicStrength());
            if (r.promptMagicVersion() == null) n.putNull("promptMagicVersion"); else n.put("promptMagicVersion", r.promptMagicVersion());
            n.put("ultra", r.ultra());
            ArrayNode imgs = n.putArray("generated_images");
            if (g.status == Records.Status.COMPLETE) {
                for (Records.Image img : g.images) {
                    ObjectNode i = imgs.addObject();
                    i.put("id", img.id);
                    i.put("url", s.cdnUrl(img.key));
                    i.put("nsfw", false);
                    i.put("likeCount", 0);
                    i.put("motion", false);
                    i.putNull("motionModel");
                    i.putNull("motionMP4URL");
                    i.putNull("motionStrength");
                    i.put("imageToVideo", false);
                    if (!listing) i.put("fantasyAvatar", false); // the by-user listing's schema has no such column
                    ArrayNode vars = i.putArray("generated_image_variation_generics");
                    for (Records.Variation v : img.variations) {
                        ObjectNode vn = vars.addObject();
                        vn.put("id", v.id);
                        vn.put("status", v.status.name());
                        vn.put("transformType", v.transformType);
                        if (v.key == null || v.status != Records.Status.COMPLETE) vn.putNull("url"); else vn.put("url", s.cdnUrl(v.key));
                    }
                }
            }
            n.putArray("generation_elements");
        }
        return n;
    }
}
