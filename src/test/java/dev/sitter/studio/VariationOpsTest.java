package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.leonardo.UniversalUpscale;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The upscale options a script writes become the operation that is sent and recorded, and back. */
class VariationOpsTest {
    @Test
    void eachModeBecomesItsEndpointWithEveryParameterItSends() {
        assertEquals(Provenance.Operation.of("/variations/upscale", Map.of()), VariationOps.upscale(Map.of("mode", "classic")));
        assertEquals(Provenance.Operation.of("/variations/universal-upscaler", Map.of()), VariationOps.upscale(Map.of()));
        assertEquals(Provenance.Operation.of("/variations/universal-upscaler", Map.of("ultraUpscaleStyle", "REALISTIC")),
                VariationOps.upscale(Map.of("mode", "ultra")));
        assertEquals(Provenance.Operation.of("/variations/universal-upscaler", Map.of("ultraUpscaleStyle", "ARTISTIC",
                        "upscaleMultiplier", 1.75, "similarity", 3, "detailContrast", 7)),
                VariationOps.upscale(Map.of("mode", "ultra", "style", "ARTISTIC", "factor", 1.75, "similarity", 3, "detailContrast", 7)));
        assertEquals(Provenance.Operation.of("/variations/universal-upscaler", Map.of("upscalerStyle", "CINEMATIC",
                        "upscaleMultiplier", 1.25, "creativityStrength", 4)),
                VariationOps.upscale(Map.of("mode", "standard", "style", "CINEMATIC", "factor", 1.25, "creativity", 4)));
    }

    @Test
    void aRecordedOperationSurvivesJsonAndRebuildsTheSameBody() throws Exception {
        Provenance.Operation op = VariationOps.upscale(Map.of("mode", "ultra", "factor", 2, "similarity", 3));
        Provenance.Operation back = Json.MAPPER.readValue(Json.compact(op), Provenance.Operation.class);
        assertEquals(op, back);
        UniversalUpscale again = UniversalUpscale.fromParams(UniversalUpscale.Source.VARIATION, "v-1", back.params());
        assertEquals(op.params(), again.params());
        assertEquals(2.0, again.upscaleMultiplier());
        assertEquals(3, again.similarity());
    }

    @Test
    void wrongOptionsAreRefusedNamingTheOptionAndTheFix() {
        DslException classic = assertThrows(DslException.class, () -> VariationOps.upscale(Map.of("mode", "classic", "factor", 2)));
        assertTrue(classic.getMessage().contains("takes no factor") && classic.getMessage().contains("mode: 'standard'"), classic.getMessage());
        DslException sim = assertThrows(DslException.class, () -> VariationOps.upscale(Map.of("similarity", 3)));
        assertTrue(sim.getMessage().contains("only apply with mode: 'ultra'"), sim.getMessage());
        DslException range = assertThrows(DslException.class, () -> VariationOps.upscale(Map.of("creativity", 11)));
        assertTrue(range.getMessage().contains("creativity must be between 1 and 10, not 11"), range.getMessage());
        DslException factor = assertThrows(DslException.class, () -> VariationOps.upscale(Map.of("factor", 3)));
        assertTrue(factor.getMessage().contains("factor must be between 1 and 2"), factor.getMessage());
        DslException text = assertThrows(DslException.class, () -> VariationOps.upscale(Map.of("factor", "big")));
        assertTrue(text.getMessage().contains("factor: takes a number"), text.getMessage());
        DslException half = assertThrows(DslException.class, () -> VariationOps.upscale(Map.of("mode", "ultra", "similarity", 2.5)));
        assertTrue(half.getMessage().contains("whole number"), half.getMessage());
    }

    @Test
    void aTamperedOrNewerRecordIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> UniversalUpscale.fromParams(
                UniversalUpscale.Source.GENERATED, "g", Map.of("sharpness", 3)));
        assertTrue(unknown.getMessage().contains("'sharpness' is not one this Sitter sends"), unknown.getMessage());
        DslException endpoint = assertThrows(DslException.class, () -> VariationOps.send(null,
                Provenance.Operation.of("/variations/unzoom", Map.of()), null));
        assertTrue(endpoint.getMessage().contains("'/variations/unzoom'") && endpoint.getMessage().contains("upgrade Sitter"),
                endpoint.getMessage());
        DslException extra = assertThrows(DslException.class, () -> VariationOps.send(null,
                Provenance.Operation.of("/variations/upscale", Map.of("upscaleMultiplier", 2)), null));
        assertTrue(extra.getMessage().contains("upscaleMultiplier"), extra.getMessage());
    }
}
