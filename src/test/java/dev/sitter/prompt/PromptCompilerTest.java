package dev.sitter.prompt;

import dev.sitter.leonardo.GenerationBody;
import dev.sitter.leonardo.ImageIds;
import dev.sitter.model.AnchorImage;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.StyleDef;
import dev.sitter.model.Surface;
import dev.sitter.model.TemplateDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static dev.sitter.prompt.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class PromptCompilerTest {
    private static final String IDENTITY = "Mara Voss, 34 years old, olive skin, short black bob with a silver streak, green eyes, "
            + "scar on left cheek, light freckles, confident, calm";

    @Test void promptIsIdentityThenStyleThenCameraAndNegativesGoApart() {
        PromptSpec s = compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1216), 4242L, 4).spec();
        assertEquals(IDENTITY + ", film noir, low-key lighting, 85mm f/1.8, head and shoulders", s.prompt());
        assertEquals("extra fingers, watermark", s.negativePrompt());
        assertFalse(s.prompt().contains("watermark"));
    }

    @Test void sceneWordsComeAfterTheCamera() {
        Definitions d = defs(style("noir", "Leonardo Kino XL"));
        PromptSpec s = new PromptCompiler(d, ModelProfiles.builtIn())
                .compile(new PromptRequest(mara(), null, template("noir", 832, 1216), null, null, "  in the   rain ", null, 0)).spec();
        assertTrue(s.prompt().startsWith(IDENTITY + ", "));
        assertTrue(s.prompt().endsWith("head and shoulders, in the rain"), s.prompt());
    }

    @Test void sdxlModelsUseCharacterReference133AndStyleReference67() {
        StyleDef withRef = new StyleDef("noir", "Leonardo Kino XL", "CINEMATIC", List.of("film noir"),
                new AnchorImage("styles/noir.png", SHA_STYLE, null), "High");
        PromptSpec s = compile(defs(withRef), template("noir", 832, 1216), null, null).spec();
        assertEquals(Surface.V1, s.surface());
        assertEquals("aa77f04e-3eec-4034-9c07-d0f619684628", s.modelId());
        assertNull(s.sdVersion());
        List<ReferenceImage> refs = s.references();
        assertEquals(4, refs.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(ReferenceRole.CHARACTER, refs.get(i).role());
            assertEquals(133, refs.get(i).preprocessorId());
            assertEquals("Mid", refs.get(i).strengthType());
        }
        assertEquals(List.of(SHA1, SHA2, SHA3), refs.subList(0, 3).stream().map(ReferenceImage::sha256).toList());
        assertEquals("frontal", refs.get(0).pose());
        assertEquals(ReferenceRole.STYLE, refs.get(3).role());
        assertEquals(67, refs.get(3).preprocessorId());
        assertEquals("High", refs.get(3).strengthType());
    }

    @Test void phoenixGetsItsPreprocessorsAndSdVersion() {
        PromptSpec s = compile(defs(style("p", "Leonardo Phoenix 1.0")), template("p", 1024, 768), null, null).spec();
        assertEquals("de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", s.modelId());
        assertEquals("PHOENIX", s.sdVersion());
        assertEquals(397, s.references().get(0).preprocessorId());
        assertEquals("PHOENIX", GenerationBody.of(s, ImageIds.placeholders()).get("sd_version").asText());
    }

    @Test void v2ModelsSendReferencesWithoutPreprocessorIds() {
        PromptSpec s = compile(defs(style("f", "flux-pro-2.0")), template("f", 1024, 1024), null, 1).spec();
        assertEquals(Surface.V2, s.surface());
        assertEquals("flux-pro-2.0", s.modelId());
        assertTrue(s.references().stream().allMatch(r -> r.preprocessorId() == null));
        assertEquals("flux-pro-2.0", GenerationBody.of(s, ImageIds.placeholders()).get("model").asText());
    }

    @Test void posesChooseWhichAnchorsAreSent() {
        TemplateDef t = new TemplateDef("t", "noir", "cam", "neg", 832, 1216, null, null, null, null,
                List.of("frontal", "profile"), new TreeMap<>());
        PromptSpec s = compile(defs(style("noir", "Leonardo Kino XL")), t, null, null).spec();
        assertEquals(List.of("frontal", "profile"), s.references().stream().map(ReferenceImage::pose).toList());
    }

    @Test void modelsWithoutCharacterReferenceRefuseAnchors() {
        PromptException e = assertThrows(PromptException.class,
                () -> compile(defs(style("l", "Lucid Realism")), template("l", 1024, 768), null, null));
        assertTrue(e.getMessage().startsWith("Lucid Realism has no Character Reference, so the anchor images of 'mara' cannot be sent"),
                e.getMessage());
    }

    @Test void noModelMeansTheApiDefaultWithSdxlPreprocessorsAndNoModelIdSent() {
        PromptSpec s = compile(defs(style("plain", null)), template("plain", 1024, 768), null, null).spec();
        assertNull(s.modelId());
        assertEquals(133, s.references().get(0).preprocessorId());
        assertFalse(GenerationBody.of(s, ImageIds.placeholders()).has("modelId"));
    }

    @Test void recipeNamesEveryDefinitionAndTheScriptLine() {
        PromptSpec s = compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1216), 7L, null).spec();
        assertEquals("mara", s.recipe().characterId());
        assertEquals(IDENTITY, s.recipe().identity());
        assertEquals("t", s.recipe().templateId());
        assertEquals("noir", s.recipe().styleId());
        assertEquals("cam", s.recipe().cameraId());
        assertEquals("neg", s.recipe().negativesId());
        assertEquals("x.groovy", s.recipe().sourceFile());
        assertEquals(3, s.recipe().sourceLine());
        assertEquals(64, s.recipe().definitionsHash().length());
    }

    @Test void definitionsHashIsStableAndChangesWithAnyDefinition() {
        String a = compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1216), 7L, null).spec().recipe().definitionsHash();
        String b = compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1216), 7L, null).spec().recipe().definitionsHash();
        String c = compile(defs(style("noir", "Leonardo Vision XL")), template("noir", 832, 1216), 7L, null).spec().recipe().definitionsHash();
        String d = compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1208), 7L, null).spec().recipe().definitionsHash();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a, d);
    }

    @Test void definitionsHashIgnoresWhereTheImagesLiveButNotTheirBytes() {
        Definitions a = new Definitions();
        Definitions b = new Definitions();
        var m = mara();
        var moved = new dev.sitter.model.CharacterDef(m.id(), m.name(), m.age(), m.skin(), m.hair(), m.eyes(), m.features(), m.affect(),
                m.anchors().stream().map(x -> new AnchorImage("/elsewhere/" + x.path(), x.sha256(), x.pose())).toList(), m.referenceStrength());
        var changed = new dev.sitter.model.CharacterDef(m.id(), m.name(), m.age(), m.skin(), m.hair(), m.eyes(), m.features(), m.affect(),
                m.anchors().stream().map(x -> new AnchorImage(x.path(), "f".repeat(64), x.pose())).toList(), m.referenceStrength());
        assertEquals(a.hashOf(m), b.hashOf(moved));
        assertNotEquals(a.hashOf(m), a.hashOf(changed));
    }

    @Test void sameInputsGiveByteIdenticalWireBodies() {
        String one = Json.compact(GenerationBody.of(compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1216), 4242L, 4).spec(), ImageIds.placeholders()));
        String two = Json.compact(GenerationBody.of(compile(defs(style("noir", "Leonardo Kino XL")), template("noir", 832, 1216), 4242L, 4).spec(), ImageIds.placeholders()));
        assertEquals(one, two);
        assertTrue(one.startsWith("{\"prompt\":\"" + IDENTITY), one);
    }

    @Test void handWrittenTextTakesThePlaceOfTheIdentity() {
        Definitions d = defs(style("noir", "Leonardo Kino XL"));
        PromptSpec s = new PromptCompiler(d, ModelProfiles.builtIn())
                .compile(new PromptRequest(null, "a lighthouse at dusk", template("noir", 832, 1216), null, null, null, null, 0)).spec();
        assertEquals("a lighthouse at dusk, film noir, low-key lighting, 85mm f/1.8, head and shoulders", s.prompt());
        assertTrue(s.references().isEmpty());
        assertNull(s.recipe().characterId());
    }

    @Test void extraFieldsPassThroughSorted() {
        TemplateDef t = template("p", 1024, 768, java.util.Map.of("styleUUID", "111dc692-d470-4eec-b791-3475abac4c46", "contrast", 3.5));
        PromptSpec s = compile(defs(style("p", "Leonardo Phoenix 1.0")), t, null, null).spec();
        assertEquals(List.of("contrast", "styleUUID"), List.copyOf(s.extra().keySet()));
        assertEquals(3.5, GenerationBody.of(s, ImageIds.placeholders()).get("contrast").asDouble());
    }
}
