package dev.sitter.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sitter.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Records match the published schema (docs/schema/provenance-1.schema.json). The schema is
 * strict: if a field is added to or renamed in PromptSpec/Provenance, this fails until the schema
 * and docs/library-format.md describe the change, so the on-disk format never drifts silently.
 */
class ProvenanceSchemaTest {
    @TempDir Path dir;

    static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/schema/provenance-1.schema.json")));
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
            assertTrue(errors.isEmpty(), "record drifted from docs/schema/provenance-1.schema.json; update the schema and "
                    + "docs/library-format.md for the new/renamed field: " + errors);
        }
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
