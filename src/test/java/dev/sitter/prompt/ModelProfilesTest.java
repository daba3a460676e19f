package dev.sitter.prompt;

import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class ModelProfilesTest {
    private final ModelProfiles table = ModelProfiles.builtIn();

    @ParameterizedTest
    @CsvSource({
            "Leonardo Kino XL, aa77f04e-3eec-4034-9c07-d0f619684628, sdxl, V1",
            "kino xl, aa77f04e-3eec-4034-9c07-d0f619684628, sdxl, V1",
            "Leonardo Vision XL, 5c232a9e-9061-4777-980a-ddc8e65647c6, sdxl, V1",
            "Leonardo Diffusion XL, 1e60896f-3c26-4296-8ecc-53e2afecc132, sdxl, V1",
            "Leonardo Lightning XL, b24e16ff-06e3-43eb-8d33-4416c2d75876, sdxl, V1",
            "AlbedoBase XL, 2067ae52-33fd-4a82-bb92-c2c55e7d2786, sdxl, V1",
            "Leonardo Anime XL, e71a1c2f-4f80-4800-934f-2c68979d8cc8, sdxl, V1",
            "Leonardo Phoenix 1.0, de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3, phoenix, V1",
            "Phoenix 0.9, 6b645e3a-d64f-4341-a6d8-7a3690fbf042, phoenix, V1",
            "Lucid Origin, 7b592283-e8a7-4c5a-9ba6-d18c31f258b9, lucid, V1",
            "Lucid Realism, 05ce0082-2d80-4a2d-8653-4d1c85e2418e, lucid, V1",
            "Flux Dev, b2614463-296c-462a-9586-aafdb8f00e36, flux-dev, V1",
            "Flux Schnell, 1dd50843-d653-4516-a8e3-f0238ee453ff, flux-schnell, V1",
            "FLUX.1 Kontext, 28aeddf8-bd19-4803-80fc-79602d1a9989, flux-kontext, V1",
            "FLUX.2 Pro, flux-pro-2.0, flux-2-pro, V2",
            "Seedream 4.0, seedream-4.0, seedream, V2",
            "GPT Image 1.5, gpt-image-1.5, gpt-image, V2",
            "Nano Banana Pro, gemini-image-2, nano-banana-pro, V2",
            "Ideogram 3.0, ideogram-v3.0, ideogram, V2"})
    void everyFamilyOfTheBriefIsInTheTable(String name, String id, String family, Surface surface) {
        ModelProfile p = table.resolve(name);
        assertEquals(id, p.id());
        assertEquals(family, p.family());
        assertEquals(surface, p.surface());
        assertSame(p, table.resolve(id), "lookup by id gives the same entry");
    }

    @Test void preprocessorIdsPerFamily() {
        assertPre("Leonardo Kino XL", 133, 67, 100);
        assertPre("Leonardo Phoenix 1.0", 397, 166, 364);
        assertPre("Lucid Realism", null, 431, 430);
        assertPre("Flux Dev", null, 299, 233);
        assertPre("Flux Schnell", null, 298, 232);
        assertTrue(table.resolve("Lucid Origin").unconfirmed().stream().anyMatch(u -> u.contains("431")));
        assertFalse(table.resolve("Flux Dev").unconfirmed().isEmpty());
        assertEquals("PHOENIX", table.resolve("Leonardo Phoenix 0.9").sdVersion());
    }

    private void assertPre(String model, Integer character, Integer style, Integer content) {
        ModelProfile p = table.resolve(model);
        assertEquals(character, p.preprocessors().get(ReferenceRole.CHARACTER), model);
        assertEquals(style, p.preprocessors().get(ReferenceRole.STYLE), model);
        assertEquals(content, p.preprocessors().get(ReferenceRole.CONTENT), model);
    }

    @Test void limitsFromTheDocs() {
        Limits v1 = table.resolve("Leonardo Kino XL").limits();
        assertEquals(32, v1.minSide());
        assertEquals(1536, v1.maxSide());
        assertEquals(8, v1.sideMultiple());
        assertEquals(8, v1.maxImages());
        assertEquals(4, v1.maxImagesLarge());
        assertEquals(768, v1.largeSide());
        assertEquals(1500, v1.promptMax());
        assertEquals(9999999998L, v1.seedMax());
        assertEquals(2147483637L, table.resolve("Flux Dev").limits().seedMax());
        assertEquals(4294967295L, table.resolve("flux-pro-2.0").limits().seedMax());
        assertEquals(4, table.resolve("flux-pro-2.0").limits().maxReferences());
        assertEquals(6, table.resolve("gemini-image-2").limits().maxReferences());
        assertNull(table.resolve("ideogram-v3.0").limits().maxReferences(), "unknown, so not checked");
        assertFalse(table.resolve("Lucid Realism").limits().alchemy());
    }

    @Test void anUnknownModelUuidIsAcceptedAsACustomV1Model() {
        ModelProfile p = table.resolve("0a1b2c3d-1111-2222-3333-444455556666");
        assertFalse(p.known());
        assertEquals(Surface.V1, p.surface());
        assertTrue(p.preprocessors().isEmpty());
    }

    @Test void anUnknownNameSuggestsTheClosest() {
        PromptException e = assertThrows(PromptException.class, () -> table.resolve("Leonardo Phenix 1.0"));
        assertEquals("unknown model 'Leonardo Phenix 1.0' \u2014 did you mean 'Leonardo Phoenix 1.0'?", e.getMessage());
    }
}
