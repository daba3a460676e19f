package dev.sitter.prompt;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a compiled request against its model's {@link Limits} before any credit is spent.
 * A value the API would reject throws {@link PromptException} naming the field, the limit and
 * the fix; a setting the endpoint would silently ignore becomes a warning.
 */
public final class RequestValidator {
    /** Fields {@code GenerationBody} writes itself; an {@code extra} must not overwrite them. */
    private static final Set<String> OWN_FIELDS = Set.of("prompt", "negative_prompt", "modelId", "sd_version",
            "presetStyle", "width", "height", "num_images", "num_inference_steps", "guidance_scale", "seed",
            "alchemy", "init_image_id", "init_generation_image_id", "init_strength", "controlnets", "public",
            "model", "quantity", "guidances", "parameters");
    private static final Set<String> CHARACTER_STRENGTHS = Set.of("Low", "Mid", "High");
    private static final Set<String> STYLE_STRENGTHS = Set.of("Low", "Mid", "High", "Ultra", "Max");

    private RequestValidator() {}

    /**
     * @param refsDescribed what the references are, for the message when there are too many
     * @return warnings about settings the endpoint ignores
     */
    public static List<String> validate(PromptSpec s, ModelProfile p, String refsDescribed) {
        Limits l = p.limits();
        String model = p.name();
        List<String> warnings = new ArrayList<>();

        if (l.promptMax() != null && s.prompt().length() > l.promptMax()) {
            fail("prompt", "the prompt is " + s.prompt().length() + " characters but " + model + " accepts at most "
                    + l.promptMax() + "; shorten the identity anchor, style or camera tokens");
        }
        if (s.prompt().isEmpty()) {
            fail("prompt", "the prompt is empty; give a character, hand-written text, or a template whose style has tokens");
        }
        size(s, p);
        count(s, p);
        if (s.seed() != null && (s.seed() < 0 || (l.seedMax() != null && s.seed() > l.seedMax()))) {
            fail("seed", "seed " + s.seed() + " is out of range for " + model + ": use 0 to " + l.seedMax());
        }
        if (s.steps() != null) {
            if (!l.steps()) warnings.add(model + " takes no step count; steps " + s.steps() + " is not sent");
            else range("steps", "num_inference_steps", s.steps(), l.minSteps(), l.maxSteps(), model);
        }
        if (s.guidance() != null) {
            if (!l.guidance()) warnings.add(model + " takes no guidance scale; guidance " + s.guidance() + " is not sent");
            else if (l.minGuidance() != null && (s.guidance() < l.minGuidance() || s.guidance() > l.maxGuidance())) {
                fail("guidance", "guidance " + s.guidance() + " is out of range for " + model + ": use "
                        + num(l.minGuidance()) + " to " + num(l.maxGuidance()) + " (7 is a good start)");
            }
        }
        if (s.negativePrompt() != null && !l.negativePrompt()) {
            warnings.add(model + " (API v2) takes no negative prompt; the negatives are not sent");
        }
        if (s.presetStyle() != null) {
            if (!l.presetStyle()) {
                warnings.add(model + " (API v2) takes no presetStyle; preset " + s.presetStyle()
                        + " is not sent (v2 models take style ids: extra style_ids: ['<uuid>'])");
            } else if (!ModelProfiles.builtIn().presetStyles().contains(s.presetStyle())) {
                fail("preset", "unknown preset '" + s.presetStyle() + "'; Leonardo's presets are "
                        + String.join(", ", ModelProfiles.builtIn().presetStyles()));
            }
        }
        if (Boolean.TRUE.equals(s.alchemy()) && !l.alchemy()) {
            fail("alchemy", model + " does not support Alchemy; remove `alchemy true` from the template");
        }
        Object contrast = s.extra().get("contrast");
        if (contrast instanceof Number n && !l.contrastValues().isEmpty() && !l.contrastValues().contains(n.doubleValue())) {
            fail("contrast", "contrast " + n + " is not accepted by " + model + ": use one of "
                    + l.contrastValues().stream().map(RequestValidator::num).toList());
        }
        for (String k : s.extra().keySet()) {
            if (OWN_FIELDS.contains(k)) {
                fail("extra", "extra field '" + k + "' is a field Sitter sets itself; set it with the DSL keyword instead"
                        + " (size, steps, guidance, count, seed, preset, model, alchemy)");
            }
        }
        references(s, p, refsDescribed);
        if (s.init() != null) initStrength(s.init().strength(), p);
        return warnings;
    }

    /** init_strength for image-to-image (refine, inpaint). */
    public static void initStrength(double strength, ModelProfile p) {
        Limits l = p.limits();
        if (l.minInitStrength() != null && (strength < l.minInitStrength() || strength > l.maxInitStrength())) {
            fail("strength", "strength " + num(strength) + " is out of range: image-to-image strength (init_strength) must be "
                    + num(l.minInitStrength()) + " to " + num(l.maxInitStrength()) + " (0.3 keeps most of the image)");
        }
    }

    private static void size(PromptSpec s, ModelProfile p) {
        Limits l = p.limits();
        Integer w = s.width(), h = s.height();
        if (w == null && h == null) return;
        if (!l.sizes().isEmpty()) {
            String wxh = w + "x" + h;
            if (!l.sizes().contains(wxh)) {
                fail("size", "size " + wxh + " is not offered by " + p.name() + ": use one of " + String.join(", ", l.sizes()));
            }
            return;
        }
        side("width", w, l, p);
        side("height", h, l, p);
    }

    private static void side(String field, Integer v, Limits l, ModelProfile p) {
        if (v == null) return;
        if ((l.minSide() != null && v < l.minSide()) || (l.maxSide() != null && v > l.maxSide())) {
            fail("size", field + " " + v + " is out of range for " + p.name() + ": use " + l.minSide() + " to " + l.maxSide()
                    + (l.sideMultiple() != null && l.sideMultiple() > 1 ? ", a multiple of " + l.sideMultiple() : ""));
        }
        if (l.sideMultiple() != null && l.sideMultiple() > 1 && v % l.sideMultiple() != 0) {
            int m = l.sideMultiple();
            int down = v / m * m;
            fail("size", field + " " + v + " is not a multiple of " + m + " as " + p.name() + " requires: use "
                    + down + " or " + (down + m));
        }
    }

    private static void count(PromptSpec s, ModelProfile p) {
        Limits l = p.limits();
        Integer n = s.numImages();
        if (n == null) return;
        if (n < 1) fail("count", "count " + n + " is too small: ask for at least 1 image");
        boolean large = l.largeSide() != null && ((s.width() != null && s.width() > l.largeSide())
                || (s.height() != null && s.height() > l.largeSide()));
        if (large && l.maxImagesLarge() != null && n > l.maxImagesLarge()) {
            fail("count", "count " + n + " is too many for " + s.width() + "x" + s.height() + ": " + p.name()
                    + " makes at most " + l.maxImagesLarge() + " images per request when a side exceeds " + l.largeSide()
                    + "; use count: " + l.maxImagesLarge() + " or a size of at most " + l.largeSide() + " per side");
        }
        if (l.maxImages() != null && n > l.maxImages()) {
            fail("count", "count " + n + " is too many: " + p.name() + " makes at most " + l.maxImages()
                    + " images per request; use count: " + l.maxImages() + " and repeat the request");
        }
    }

    private static void references(PromptSpec s, ModelProfile p, String described) {
        List<ReferenceImage> refs = s.references();
        Limits l = p.limits();
        int total = refs.size() + (s.init() != null && p.surface() == Surface.V2 ? 1 : 0);
        if (l.maxReferences() != null && total > l.maxReferences()) {
            fail("references", p.name() + " takes at most " + l.maxReferences() + " reference images but this request has "
                    + total + (described.isEmpty() ? "" : " (" + described + ")")
                    + "; pick fewer anchors with `poses 'frontal', ...` in the template, or use fewer anchor images");
        }
        for (ReferenceImage r : refs) {
            String st = r.strengthType();
            if (st == null) continue;
            if (p.surface() == Surface.V2) {
                if (!CHARACTER_STRENGTHS.contains(cap(st))) {
                    fail("strength", "reference strength '" + st + "' is not accepted by " + p.name()
                            + " (API v2): use Low, Mid or High");
                }
            } else if (r.role() == ReferenceRole.STYLE ? !STYLE_STRENGTHS.contains(st) : !CHARACTER_STRENGTHS.contains(st)) {
                fail("strength", (r.role() == ReferenceRole.STYLE ? "Style" : "Character") + " Reference strength '" + st
                        + "' is not accepted: use " + (r.role() == ReferenceRole.STYLE ? "Low, Mid, High, Ultra or Max" : "Low, Mid or High"));
            }
        }
    }

    private static void range(String field, String wire, int v, Integer min, Integer max, String model) {
        if ((min != null && v < min) || (max != null && v > max)) {
            fail(field, field + " " + v + " is out of range for " + model + " (" + wire + "): use " + min + " to " + max);
        }
    }

    static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static void fail(String field, String message) {
        throw new PromptException(field, message);
    }
}
