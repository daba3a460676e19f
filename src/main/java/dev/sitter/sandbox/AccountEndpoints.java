package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.sandbox.render.SplitMix64;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static dev.sitter.sandbox.Fields.Type.*;

/** {@code /me}, {@code /platformModels}, {@code /pricing-calculator} and the prompt helpers. */
final class AccountEndpoints {
    private static final Set<String> SERVICES = Set.of("IMAGE_GENERATION", "FANTASY_AVATAR_GENERATION", "MOTION_SVD_GENERATION",
            "MOTION_VIDEO_GENERATION", "VEO3_MOTION_VIDEO_GENERATION", "LCM_GENERATION", "MODEL_TRAINING", "TEXTURE_GENERATION",
            "UNIVERSAL_UPSCALER", "UNIVERSAL_UPSCALER_ULTRA");
    private static final String[] RANDOM_PROMPTS = {
            "portrait of a lighthouse keeper with a salt-white beard, storm light, oil painting",
            "close-up of a young botanist with freckles and round glasses, greenhouse light, photoreal",
            "anime portrait of a courier with a short blue bob and amber eyes, neon city at night",
            "film noir portrait of a detective with a scar on the left cheek, venetian blind shadows",
            "painterly portrait of an elderly violinist with silver hair, warm candle light"};

    private final Services s;
    private final SplitMix64 randomPrompts;

    AccountEndpoints(Services s) {
        this.s = s;
        this.randomPrompts = new SplitMix64(SplitMix64.derive(s.idSeed, "random-prompts"));
    }

    void register(Router v1) {
        v1.add("GET", "/me", this::me);
        v1.add("GET", "/platformModels", c -> Reply.json(PlatformModels.listJson()));
        v1.add("POST", "/pricing-calculator", this::pricing);
        v1.add("POST", "/prompt/improve", this::improve);
        v1.add("POST", "/prompt/random", this::random);
    }

    private Reply me(Call call) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode d = root.putArray("user_details").addObject();
        ObjectNode u = d.putObject("user");
        u.put("id", s.store.userId);
        u.put("username", s.store.username);
        String renewal = LocalDate.parse(s.store.now().substring(0, 10)).plusMonths(1).withDayOfMonth(1) + "T00:00:00.000";
        d.put("tokenRenewalDate", renewal);
        d.put("paidTokens", 0);
        d.put("subscriptionTokens", 0);
        d.put("subscriptionGptTokens", 0);
        d.put("subscriptionModelTokens", 0);
        d.put("apiConcurrencySlots", s.config.concurrency());
        d.put("apiPaidTokens", 0);
        // The sandbox keeps its whole balance here: the Enterprise API subscription tokens.
        d.put("apiSubscriptionTokens", s.store.credits());
        d.put("apiPlanTokenRenewalDate", renewal);
        return Reply.json(root);
    }

    private Reply pricing(Call call) {
        ObjectNode body = call.json();
        Fields f = new Fields(body, "").onlyKnown(Map.of("service", STRING, "serviceParams", OBJECT));
        String service = f.enumValue("service", "pricingCalculatorServices", SERVICES);
        if (service == null) throw ApiError.validation("missing required field 'service'");
        JsonNode params = f.raw("serviceParams");
        JsonNode p = params == null ? null : params.get(service);
        if (p == null || !p.isObject()) {
            if (!service.equals("MOTION_SVD_GENERATION")) {
                throw ApiError.validation("serviceParams." + service + " is required for service " + service);
            }
            p = Json.MAPPER.createObjectNode();
        }
        Fields sp = new Fields((ObjectNode) p, "serviceParams." + service + ".");
        long cost = switch (service) {
            case "IMAGE_GENERATION", "FANTASY_AVATAR_GENERATION" -> imageGeneration(sp);
            case "UNIVERSAL_UPSCALER" -> {
                sp.onlyKnown(Map.of("megapixel", INT));
                Long mp = sp.integer("megapixel");
                if (mp == null) throw ApiError.validation("serviceParams.UNIVERSAL_UPSCALER.megapixel is required");
                sp.range("megapixel", mp, 1, 20);
                yield CostTable.universalUpscaler(mp);
            }
            case "UNIVERSAL_UPSCALER_ULTRA" -> {
                sp.onlyKnown(Map.of("inputWidth", INT, "inputHeight", INT, "upscaleMultiplier", FLOAT));
                Long w = sp.integer("inputWidth"), h = sp.integer("inputHeight");
                Double m = sp.number("upscaleMultiplier");
                if (w == null || h == null || m == null) {
                    throw ApiError.validation("serviceParams.UNIVERSAL_UPSCALER_ULTRA needs inputWidth, inputHeight and upscaleMultiplier");
                }
                sp.range("upscaleMultiplier", m, 1, 2);
                yield CostTable.universalUpscalerUltra(w.intValue(), h.intValue(), m);
            }
            case "MOTION_SVD_GENERATION" -> CostTable.motion();
            case "MOTION_VIDEO_GENERATION" -> CostTable.motionVideo(sp.str("resolution"));
            case "VEO3_MOTION_VIDEO_GENERATION" -> CostTable.veo3();
            case "LCM_GENERATION" -> CostTable.lcm(intOr(sp, "width", 512), intOr(sp, "height", 512), sp.bool("refine", false),
                    sp.bool("instantRefine", false));
            case "MODEL_TRAINING" -> {
                Long dc = sp.integer("datasetImageCount");
                yield CostTable.modelTraining(intOr(sp, "resolution", 512), dc == null ? null : dc.intValue());
            }
            case "TEXTURE_GENERATION" -> CostTable.texture(sp.bool("preview", false));
            default -> throw ApiError.validation("unknown service " + service);
        };
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("calculateProductionApiServiceCost").put("cost", cost);
        return Reply.json(root);
    }

    private static int intOr(Fields f, String name, int dflt) {
        Long v = f.integer(name);
        return v == null ? dflt : v.intValue();
    }

    private static long imageGeneration(Fields sp) {
        sp.onlyKnown(Map.ofEntries(Map.entry("imageHeight", INT), Map.entry("imageWidth", INT), Map.entry("numImages", INT),
                Map.entry("inferenceSteps", INT), Map.entry("promptMagic", BOOLEAN), Map.entry("promptMagicStrength", FLOAT),
                Map.entry("promptMagicVersion", STRING), Map.entry("alchemyMode", BOOLEAN), Map.entry("photoRealMode", BOOLEAN),
                Map.entry("photoRealStrength", FLOAT), Map.entry("photoRealVersion", STRING), Map.entry("highResolution", BOOLEAN),
                Map.entry("loraCount", INT), Map.entry("isModelCustom", BOOLEAN), Map.entry("controlnetsCost", INT),
                Map.entry("isPhoenix", BOOLEAN), Map.entry("isSDXL", BOOLEAN), Map.entry("isSDXLLightning", BOOLEAN),
                Map.entry("isUltra", BOOLEAN), Map.entry("isFluxSchnell", BOOLEAN), Map.entry("isFluxDev", BOOLEAN),
                Map.entry("isFluxKontext", BOOLEAN)));
        int w = intOr(sp, "imageWidth", 1024), h = intOr(sp, "imageHeight", 768);
        sp.range("imageWidth", w, 32, 1536);
        sp.range("imageHeight", h, 32, 1536);
        int n = intOr(sp, "numImages", 4);
        sp.range("numImages", n, 1, 8);
        int steps = intOr(sp, "inferenceSteps", 15);
        Long cn = sp.integer("controlnetsCost");
        return CostTable.imageGeneration(new CostTable.ImageGeneration(w, h, n, steps, sp.bool("alchemyMode", true),
                sp.bool("photoRealMode", false), sp.bool("promptMagic", false), sp.bool("highResolution", false),
                intOr(sp, "loraCount", 0), sp.bool("isModelCustom", false), cn == null ? 0 : cn, sp.bool("isPhoenix", false),
                sp.bool("isSDXLLightning", false), sp.bool("isUltra", false), sp.bool("isFluxSchnell", false),
                sp.bool("isFluxDev", false), sp.bool("isFluxKontext", false)));
    }

    private Reply improve(Call call) {
        ObjectNode body = call.json();
        Fields f = new Fields(body, "").onlyKnown(Map.of("prompt", STRING, "promptInstructions", STRING, "isVideo", BOOLEAN));
        String prompt = f.required("prompt");
        if (prompt.length() >= 200) throw new ApiError(400, "unexpected", "Prompt is too long, please keep it under 200 characters");
        String instructions = f.str("promptInstructions");
        StringBuilder out = new StringBuilder(prompt.trim());
        if (instructions != null && !instructions.isBlank()) out.append(", ").append(instructions.trim());
        out.append(f.bool("isVideo", false) ? ", slow cinematic camera move, consistent lighting"
                : ", detailed head-and-shoulders portrait, soft key light, sharp focus on the eyes");
        s.store.admit(CostTable.PROMPT_IMPROVE, Integer.MAX_VALUE);
        s.store.finished();
        return promptReply(out.toString(), CostTable.PROMPT_IMPROVE);
    }

    private Reply random(Call call) {
        s.store.admit(CostTable.PROMPT_RANDOM, Integer.MAX_VALUE);
        s.store.finished();
        String p;
        synchronized (randomPrompts) {
            p = RANDOM_PROMPTS[randomPrompts.nextInt(RANDOM_PROMPTS.length)];
        }
        return promptReply(p, CostTable.PROMPT_RANDOM);
    }

    private static Reply promptReply(String prompt, long cost) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode g = root.putObject("promptGeneration");
        g.put("prompt", prompt);
        g.put("apiCreditCost", cost);
        g.set("cost", new Cost(cost).toJson());
        return Reply.json(root);
    }
}
