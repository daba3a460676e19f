package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.InitImage;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The exact bytes on the wire: only set fields, spec spelling, fixed order. */
class GenerationBodyTest {
    static final String SHA = "ab".repeat(32);
    static final ImageIds IDS = sha -> "id-" + sha.substring(0, 4);

    @Test void v1BodyIsExactAndStable() {
        PromptSpec spec = PromptSpec.builder().prompt("Mara").negativePrompt("text").modelId("m").size(832, 1216)
                .numImages(2).seed(42L).references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "a.png", SHA, null, 133, "Mid", null, null)))
                .extra("styleUUID", "u").build();
        String expected = "{\"prompt\":\"Mara\",\"negative_prompt\":\"text\",\"modelId\":\"m\",\"width\":832,\"height\":1216,"
                + "\"num_images\":2,\"seed\":42,\"controlnets\":[{\"initImageId\":\"id-abab\",\"initImageType\":\"UPLOADED\","
                + "\"preprocessorId\":133,\"strengthType\":\"Mid\"}],\"public\":false,\"styleUUID\":\"u\"}";
        assertEquals(expected, Json.compact(GenerationBody.of(spec, IDS)));
        assertEquals(expected, Json.compact(GenerationBody.of(spec, IDS)), "same spec, same bytes");
    }

    @Test void v2BodyNestsParametersAndUppercasesStrength() {
        PromptSpec spec = PromptSpec.builder().surface(Surface.V2).modelId("flux-pro-2.0").prompt("p").numImages(1)
                .references(List.of(new ReferenceImage(ReferenceRole.CHARACTER, "a.png", SHA, null, null, "Low", null, null))).build();
        assertEquals("{\"model\":\"flux-pro-2.0\",\"public\":false,\"parameters\":{\"prompt\":\"p\",\"quantity\":1,"
                + "\"guidances\":{\"image_reference\":[{\"image\":{\"id\":\"id-abab\",\"type\":\"UPLOADED\"},\"strength\":\"LOW\"}]}}}",
                Json.compact(GenerationBody.of(spec, IDS)));
    }

    @Test void v2RejectsV1OnlyStrengths() {
        PromptSpec spec = PromptSpec.builder().surface(Surface.V2).modelId("x").prompt("p")
                .references(List.of(new ReferenceImage(ReferenceRole.STYLE, "s.png", SHA, null, null, "Max", null, null))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenerationBody.of(spec, IDS));
        assertTrue(e.getMessage().contains("s.png"), e.getMessage());
    }

    @Test void extrasMayNotOverwriteSittersFields() {
        PromptSpec spec = PromptSpec.builder().prompt("p").extra("public", true).build();
        assertThrows(IllegalArgumentException.class, () -> GenerationBody.of(spec, IDS));
    }

    @Test void canvasInpaintAddsTheCanvasFields() {
        ObjectNode b = GenerationBody.canvasInpaint(PromptSpec.builder().prompt("p").build(), IDS, "ci", "cm", 0.2);
        assertEquals("{\"prompt\":\"p\",\"public\":false,\"canvasRequest\":true,\"canvasRequestType\":\"INPAINT\","
                + "\"canvasInitId\":\"ci\",\"canvasMaskId\":\"cm\",\"init_strength\":0.2}", Json.compact(b));
        assertThrows(IllegalArgumentException.class, () -> GenerationBody.canvasInpaint(PromptSpec.builder().prompt("p").build(), IDS, "a", "b", 0.9));
        assertThrows(IllegalArgumentException.class, () -> GenerationBody.canvasInpaint(PromptSpec.builder().prompt("p")
                .init(new InitImage(null, null, "g", 0.3)).build(), IDS, "a", "b", 0.2));
    }
}
