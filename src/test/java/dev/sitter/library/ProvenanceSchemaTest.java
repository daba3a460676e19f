package dev.sitter.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Records match the published schema (docs/schema/provenance-2.schema.json; version 1 records
 * still load and match docs/schema/provenance-1.schema.json). The schema is
 * strict: if a field is added to or renamed in PromptSpec/Provenance, this fails until the schema
 * and docs/library-format.md describe the change, so the on-disk format never drifts silently.
 */
class ProvenanceSchemaTest {
    @TempDir Path dir;

    static JsonSchema schema() throws Exception {
        return schema(2);
    }

    static JsonSchema schema(int version) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/schema/provenance-" + version + ".schema.json")));
    }

    @Test
    void recordsMatchTheSchema() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset full = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        RecordedAsset bare = lib.record(Samples.jpeg(8, 8, 2),
                dev.sitter.model.PromptSpec.builder().prompt("a lighthouse").build(), GenerationFacts.builder().build());
        lib.setQa(full.assetId(), java.util.List.of(new dev.sitter.model.Provenance.QaResult("eyes", "pass", null, null, "2026-11-27T10:00:00Z")));
        JsonSchema schema = schema();
        for (RecordedAsset a : java.util.List.of(full, bare)) {
            JsonNode rec = Json.tree(Files.readString(a.record()));
            Set<ValidationMessage> errors = schema.validate(rec);
            assertTrue(errors.isEmpty(), "record drifted from docs/schema/provenance-2.schema.json; update the schema and "
                    + "docs/library-format.md for the new/renamed field: " + errors);
        }
    }

    @Test
    void upscaleAndInpaintRecordsNameTheirOperationAndMatchTheSchema() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset parent = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        Provenance.Operation ultra = Provenance.Operation.of("/variations/universal-upscaler",
                java.util.Map.of("ultraUpscaleStyle", "REALISTIC", "upscaleMultiplier", 2.0, "similarity", 4));
        RecordedAsset up = lib.record(Samples.png(16, 16, 2), Samples.spec("mara", 1),
                GenerationFacts.builder().step("upscale").parentId(parent.assetId()).operation(ultra).build());
        String maskSha = lib.storeInput(Samples.png(8, 8, 9));
        Provenance.Operation inpaint = new Provenance.Operation("/generations",
                new java.util.TreeMap<>(java.util.Map.of("canvasRequest", true, "canvasRequestType", "INPAINT", "init_strength", 0.5)),
                new Provenance.Mask("masks/hair.png", maskSha));
        RecordedAsset in = lib.record(Samples.png(8, 8, 3), Samples.spec("mara", 1),
                GenerationFacts.builder().step("inpaint").parentId(parent.assetId()).operation(inpaint).build());
        for (RecordedAsset a : java.util.List.of(up, in)) {
            Set<ValidationMessage> errors = schema().validate(Json.tree(Files.readString(a.record())));
            assertTrue(errors.isEmpty(), errors.toString());
        }
        Provenance read = Library.open(dir).get(up.assetId());
        assertEquals(ultra, read.operation(), "read back exactly, numbers included");
        assertEquals(inpaint, Library.open(dir).get(in.assetId()).operation());
        assertEquals("sitter.provenance/2", read.schema());
        assertTrue(lib.verify().ok(), lib.verify().problems().toString());

        // the mask is kept content-addressed; a damaged copy is a verify problem naming the file
        Files.write(lib.inputPath(maskSha), Samples.png(8, 8, 10));
        VerifyReport r = lib.verify();
        assertFalse(r.ok());
        assertTrue(r.problems().toString().contains("inputs/sha256/" + maskSha.substring(0, 2)), r.problems().toString());
        // a record naming something that is not a hash never reaches the file system
        LibraryException e = assertThrows(LibraryException.class, () -> lib.readInput("../../../etc/passwd"));
        assertTrue(e.getMessage().contains("is not a SHA-256"), e.getMessage());
    }

    @Test
    void aVersion1RecordStillLoadsWithoutAnOperation() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset a = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        ObjectNode rec = (ObjectNode) Json.tree(Files.readString(a.record()));
        rec.put("schema", "sitter.provenance/1");
        rec.remove("operation");
        assertTrue(schema(1).validate(rec).isEmpty(), "an old record as version 1 wrote it: " + schema(1).validate(rec));
        Files.writeString(a.record(), Json.pretty(rec) + "\n");
        Provenance p = Library.open(dir).get(a.assetId());
        assertEquals("sitter.provenance/1", p.schema());
        assertNull(p.operation());
        rec.put("schema", "sitter.provenance/3");
        Files.writeString(a.record(), Json.pretty(rec) + "\n");
        LibraryException e = assertThrows(LibraryException.class, () -> Library.open(dir).get(a.assetId()));
        assertTrue(e.getMessage().contains("newer than this Sitter"), e.getMessage());
    }

    @Test
    void theSchemaRejectsABrokenRecord() throws Exception {
        Library lib = Library.open(dir);
        RecordedAsset a = lib.record(Samples.png(8, 8, 1), Samples.spec("mara", 1), Samples.facts(1));
        ObjectNode rec = (ObjectNode) Json.tree(Files.readString(a.record()));
        rec.put("assetId", "not-a-hash");
        ((ObjectNode) rec.get("request")).put("seedd", 4);
        assertEquals(2, schema().validate(rec).size());
    }
}
