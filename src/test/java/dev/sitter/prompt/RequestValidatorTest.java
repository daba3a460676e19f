package dev.sitter.prompt;

import dev.sitter.model.InitImage;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Requests the API would refuse are refused here first, naming the field, the limit and the fix. */
class RequestValidatorTest {
    private static final ModelProfiles T = ModelProfiles.builtIn();

    private static PromptSpec.Builder v1() {
        return PromptSpec.builder().prompt("a portrait");
    }

    private static String fail(PromptSpec s, String model) {
        return assertThrows(PromptException.class, () -> RequestValidator.validate(s, T.resolve(model), "")).getMessage();
    }

    private static List<String> ok(PromptSpec s, String model) {
        return RequestValidator.validate(s, T.resolve(model), "");
    }

    @Test void v1SidesAre32To1536AndMultiplesOf8() {
        assertTrue(ok(v1().size(32, 1536).build(), "Leonardo Kino XL").isEmpty());
        assertEquals("width 24 is out of range for Leonardo Kino XL: use 32 to 1536, a multiple of 8", fail(v1().size(24, 512).build(), "Leonardo Kino XL"));
        assertEquals("height 1544 is out of range for Leonardo Kino XL: use 32 to 1536, a multiple of 8", fail(v1().size(512, 1544).build(), "Leonardo Kino XL"));
        assertEquals("height 1001 is not a multiple of 8 as Leonardo Kino XL requires: use 1000 or 1008", fail(v1().size(512, 1001).build(), "Leonardo Kino XL"));
    }

    @Test void numImagesIs1To8And1To4AboveSide768() {
        assertTrue(ok(v1().size(768, 768).numImages(8).build(), "Leonardo Kino XL").isEmpty());
        assertTrue(ok(v1().size(832, 1216).numImages(4).build(), "Leonardo Kino XL").isEmpty());
        assertTrue(fail(v1().size(832, 1216).numImages(5).build(), "Leonardo Kino XL").startsWith("count 5 is too many for 832x1216"));
        assertTrue(fail(v1().numImages(9).build(), "Leonardo Kino XL").startsWith("count 9 is too many: Leonardo Kino XL makes at most 8"));
        assertTrue(fail(v1().numImages(0).build(), "Leonardo Kino XL").startsWith("count 0 is too small"));
    }

    @Test void promptAtMost1500Characters() {
        assertTrue(ok(v1().prompt("x".repeat(1500)).build(), "Leonardo Kino XL").isEmpty());
        assertEquals("the prompt is 1501 characters but Leonardo Kino XL accepts at most 1500; shorten the identity anchor, style or camera tokens",
                fail(v1().prompt("x".repeat(1501)).build(), "Leonardo Kino XL"));
    }

    @Test void seedMaximumDependsOnTheFamily() {
        assertTrue(ok(v1().seed(9999999998L).build(), "Leonardo Kino XL").isEmpty());
        assertTrue(fail(v1().seed(9999999999L).build(), "Leonardo Kino XL").startsWith("seed 9999999999 is out of range"));
        assertTrue(fail(v1().seed(2147483638L).build(), "Flux Dev").contains("use 0 to 2147483637"));
        assertTrue(ok(v1().surface(Surface.V2).seed(4294967295L).build(), "flux-pro-2.0").isEmpty());
        assertTrue(fail(v1().seed(-1L).build(), "Leonardo Kino XL").startsWith("seed -1 is out of range"));
    }

    @Test void initStrengthIs01To09() {
        RequestValidator.initStrength(0.1, T.resolve("Leonardo Kino XL"));
        RequestValidator.initStrength(0.9, T.resolve("Leonardo Kino XL"));
        PromptException e = assertThrows(PromptException.class, () -> RequestValidator.initStrength(0.95, T.resolve("Leonardo Kino XL")));
        assertTrue(e.getMessage().contains("must be 0.1 to 0.9"), e.getMessage());
        String m = fail(v1().init(new InitImage(null, null, "gen-1", 0.05)).build(), "Leonardo Kino XL");
        assertTrue(m.startsWith("strength 0.05 is out of range"), m);
    }

    @Test void stepsAndGuidanceRanges() {
        assertTrue(fail(v1().steps(61).build(), "Leonardo Kino XL").startsWith("steps 61 is out of range for Leonardo Kino XL (num_inference_steps): use 10 to 60"));
        assertTrue(fail(v1().guidance(21.0).build(), "Leonardo Kino XL").startsWith("guidance 21.0 is out of range"));
    }

    @Test void gptImageOffersOnlyThreeSizes() {
        PromptSpec s = v1().surface(Surface.V2).size(832, 1216).build();
        assertEquals("size 832x1216 is not offered by GPT Image 1.5: use one of 1024x1536, 1024x1024, 1536x1024", fail(s, "gpt-image-1.5"));
        assertTrue(ok(v1().surface(Surface.V2).size(1024, 1536).build(), "gpt-image-1.5").isEmpty());
    }

    @Test void v2ReferenceCountIsCapped() {
        List<ReferenceImage> five = Collections.nCopies(5, new ReferenceImage(ReferenceRole.CHARACTER, "a.png", "a".repeat(64), null, null, "Mid", null, null));
        String m = assertThrows(PromptException.class, () -> RequestValidator.validate(
                v1().surface(Surface.V2).references(five).build(), T.resolve("flux-pro-2.0"), "5 anchor images of 'mara'")).getMessage();
        assertTrue(m.startsWith("FLUX.2 Pro takes at most 4 reference images but this request has 5 (5 anchor images of 'mara')"), m);
        assertTrue(ok(v1().surface(Surface.V2).references(five).build(), "seedream-4.0").isEmpty());
    }

    @Test void strengthWordsPerRoleAndSurface() {
        ReferenceImage ultraChar = new ReferenceImage(ReferenceRole.CHARACTER, "a.png", "a".repeat(64), null, 133, "Ultra", null, null);
        assertTrue(fail(v1().references(List.of(ultraChar)).build(), "Leonardo Kino XL").contains("use Low, Mid or High"));
        ReferenceImage maxStyle = new ReferenceImage(ReferenceRole.STYLE, "a.png", "a".repeat(64), null, 67, "Max", null, null);
        assertTrue(ok(v1().references(List.of(maxStyle)).build(), "Leonardo Kino XL").isEmpty());
        assertTrue(fail(v1().surface(Surface.V2).references(List.of(maxStyle)).build(), "flux-pro-2.0").contains("(API v2): use Low, Mid or High"));
    }

    @Test void lucidRefusesAlchemyAndPhoenixChecksContrast() {
        assertTrue(fail(v1().alchemy(true).build(), "Lucid Realism").startsWith("Lucid Realism does not support Alchemy"));
        assertTrue(fail(v1().extra(Map.of("contrast", 2.0)).build(), "Leonardo Phoenix 1.0").startsWith("contrast 2.0 is not accepted by Leonardo Phoenix 1.0: use one of [3, 3.5, 4]"));
        assertTrue(ok(v1().extra(Map.of("contrast", 3.5)).build(), "Leonardo Phoenix 1.0").isEmpty());
    }

    @Test void extraMayNotOverwriteFieldsSitterSets() {
        assertTrue(fail(v1().extra(Map.of("num_images", 2)).build(), "Leonardo Kino XL").startsWith("extra field 'num_images' is a field Sitter sets itself"));
    }

    @Test void unknownPresetIsRefused() {
        assertTrue(fail(v1().presetStyle("NOIR").build(), "Leonardo Kino XL").startsWith("unknown preset 'NOIR'"));
    }

    @Test void settingsAV2ModelIgnoresBecomeWarnings() {
        List<String> w = ok(v1().surface(Surface.V2).negativePrompt("watermark").presetStyle("CINEMATIC").steps(30).guidance(7.0).build(), "flux-pro-2.0");
        assertEquals(4, w.size(), w.toString());
        assertTrue(w.get(0).contains("takes no step count"), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.contains("takes no negative prompt")), w.toString());
    }
}
