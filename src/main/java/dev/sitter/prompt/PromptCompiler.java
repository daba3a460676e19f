package dev.sitter.prompt;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Recipe;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.StyleDef;
import dev.sitter.model.Surface;
import dev.sitter.model.TemplateDef;
import dev.sitter.model.Tokens;
import dev.sitter.util.Sha256;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles definitions into a {@link PromptSpec}. The prompt is, in this order and joined by ", ":
 * the character's identity anchor (or the hand-written text), the style's tokens, the camera's
 * tokens, then any scene words. Negatives go to {@code negative_prompt}. References are the
 * character's anchor images (Character Reference) followed by the style's reference image (Style
 * Reference), with the model family's preprocessor ids. The result is checked against the model's
 * limits by {@link RequestValidator} so a request that the API would refuse never leaves the machine.
 *
 * <p>Pure: no I/O, no clock, no randomness. The same definitions always give an equal spec.
 */
public final class PromptCompiler {
    /** The API's default model when a request names none (Leonardo's spec: Lightning XL). */
    static final String API_DEFAULT_MODEL = "b24e16ff-06e3-43eb-8d33-4416c2d75876";
    static final String DEFAULT_STRENGTH = "Mid";

    private final Definitions defs;
    private final ModelProfiles profiles;

    public PromptCompiler(Definitions defs, ModelProfiles profiles) {
        this.defs = defs;
        this.profiles = profiles;
    }

    public Compiled compile(PromptRequest r) {
        TemplateDef t = r.template();
        StyleDef style = t == null || t.style() == null ? null : defs.style(t.style());
        CameraDef camera = t == null || t.camera() == null ? null : defs.camera(t.camera());
        NegativesDef negatives = t == null || t.negatives() == null ? null : defs.negatives(t.negatives());
        CharacterDef c = r.character();

        boolean modelNamed = style != null && style.model() != null;
        ModelProfile profile = profiles.resolve(modelNamed ? style.model() : API_DEFAULT_MODEL);

        List<String> parts = new ArrayList<>();
        if (c != null) parts.add(c.identity());
        if (r.text() != null) parts.add(Tokens.normalise(r.text()));
        if (style != null) parts.add(Tokens.join(style.tokens()));
        if (camera != null) parts.add(Tokens.join(camera.tokens()));
        if (r.scene() != null) parts.add(Tokens.normalise(r.scene()));
        parts.removeIf(String::isEmpty);
        String prompt = String.join(", ", parts);
        String negative = negatives == null ? null : Tokens.join(negatives.tokens());
        if (negative != null && negative.isEmpty()) negative = null;

        PromptSpec.Builder b = PromptSpec.builder()
                .surface(profile.surface())
                .prompt(prompt)
                .negativePrompt(negative)
                .seed(r.seed())
                .numImages(r.count() != null ? r.count() : t == null ? null : t.count());
        if (modelNamed) {
            b.modelId(profile.id()).modelName(profile.name()).sdVersion(profile.sdVersion());
        }
        if (style != null) b.presetStyle(style.preset());
        if (t != null) {
            b.width(t.width()).height(t.height()).steps(t.steps()).guidance(t.guidance()).alchemy(t.alchemy())
             .extra(t.extra());
        }
        b.references(references(c, t == null ? List.of() : t.poses(), style, profile));
        b.recipe(new Recipe(c == null ? null : c.id(), c == null ? null : c.identity(),
                t == null ? null : t.id(), style == null ? null : style.id(), camera == null ? null : camera.id(),
                negatives == null ? null : negatives.id(), definitionsHash(c, t, style, camera, negatives),
                r.sourceFile(), r.sourceLine()));
        PromptSpec spec = b.build();
        List<String> warnings = RequestValidator.validate(spec, profile, describe(c, style));
        return new Compiled(spec, profile, warnings);
    }

    private static List<ReferenceImage> references(CharacterDef c, List<String> poses, StyleDef style, ModelProfile profile) {
        List<ReferenceImage> refs = new ArrayList<>();
        boolean v1 = profile.surface() == Surface.V1;
        if (c != null && !c.anchors().isEmpty()) {
            Integer pre = profile.preprocessors().get(ReferenceRole.CHARACTER);
            if (v1 && pre == null) {
                throw new PromptException("model", profile.name() + " has no Character Reference, so the anchor images of '"
                        + c.id() + "' cannot be sent: " + (profile.note() != null ? profile.note()
                        : "use an SDXL or Phoenix model (e.g. 'Leonardo Kino XL', 'Leonardo Phoenix 1.0') or a v2 model such as 'flux-pro-2.0'"));
            }
            String strength = c.referenceStrength() == null ? DEFAULT_STRENGTH : c.referenceStrength();
            List<AnchorImage> chosen = c.anchors().stream()
                    .filter(a -> poses.isEmpty() || (a.pose() != null && poses.contains(a.pose()))).toList();
            if (chosen.isEmpty()) {
                throw new PromptException("poses", "character '" + c.id() + "' has no anchor image with pose "
                        + String.join(" or ", poses) + "; label one with pose: '" + poses.get(0) + "' or change the template's poses");
            }
            for (AnchorImage a : chosen) {
                refs.add(new ReferenceImage(ReferenceRole.CHARACTER, a.path(), a.sha256(), null,
                        v1 ? pre : null, strength, null, a.pose()));
            }
        }
        if (style != null && style.reference() != null) {
            Integer pre = profile.preprocessors().get(ReferenceRole.STYLE);
            if (v1 && pre == null) {
                throw new PromptException("reference", profile.name() + " has no Style Reference, so the reference image of style '"
                        + style.id() + "' cannot be sent: remove it or pick a model that has one (e.g. 'Leonardo Kino XL')");
            }
            AnchorImage a = style.reference();
            refs.add(new ReferenceImage(ReferenceRole.STYLE, a.path(), a.sha256(), null, v1 ? pre : null,
                    style.referenceStrength() == null ? DEFAULT_STRENGTH : style.referenceStrength(), null, a.pose()));
        }
        return refs;
    }

    private static String describe(CharacterDef c, StyleDef style) {
        List<String> s = new ArrayList<>();
        if (c != null && !c.anchors().isEmpty()) s.add(c.anchors().size() + " anchor images of '" + c.id() + "'");
        if (style != null && style.reference() != null) s.add("the reference image of style '" + style.id() + "'");
        return String.join(" + ", s);
    }

    private String definitionsHash(Object... used) {
        StringBuilder sb = new StringBuilder();
        for (Object d : used) {
            if (d != null) sb.append(defs.hashOf(d)).append('\n');
        }
        return Sha256.hex(sb.toString());
    }
}
