package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sitter.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the OpenAPI 3.0 response schemas of Leonardo's spec into JSON Schema (2020-12) for the
 * validator: resolves local $refs (also deep ones like #/components/schemas/lora/properties/x),
 * turns {@code nullable: true} into a union with null, drops OpenAPI-only keywords. With
 * {@code strict}, objects that list properties reject any other property, so the sandbox cannot
 * invent fields the spec does not have.
 */
final class OpenApiSchemas {
    private final JsonNode spec;
    private final boolean strict;

    OpenApiSchemas(Path specFile, boolean strict) throws IOException {
        this.spec = Json.MAPPER.readTree(Files.readString(specFile));
        this.strict = strict;
    }

    static Path locateSpec() {
        for (Path p : new Path[] {Path.of("src/test/resources/leonardo/openapi.json"), Path.of("/work/shared/leonardo/openapi.json")}) {
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("Leonardo's openapi.json not found (expected src/test/resources/leonardo/openapi.json)");
    }

    /** Validation messages for {@code body} against the 200 response schema of METHOD PATH-TEMPLATE. */
    Set<String> validate(String method, String pathTemplate, JsonNode body) {
        JsonNode op = spec.path("paths").path(pathTemplate).path(method.toLowerCase());
        JsonNode schema = op.path("responses").path("200").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) throw new IllegalArgumentException("no 200 JSON schema for " + method + " " + pathTemplate);
        JsonNode converted = convert(schema, 0);
        JsonSchema js = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(converted);
        return js.validate(body).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local refs are supported: " + ref);
        JsonNode n = spec;
        for (String part : ref.substring(2).split("/")) n = n.path(part.replace("~1", "/").replace("~0", "~"));
        if (n.isMissingNode()) throw new IllegalArgumentException("unresolvable ref " + ref);
        return n;
    }

    private JsonNode convert(JsonNode s, int depth) {
        if (depth > 40) throw new IllegalStateException("schema nesting too deep (recursive $ref?)");
        if (s.has("$ref")) return convert(resolve(s.get("$ref").asText()), depth + 1);
        ObjectNode out = Json.MAPPER.createObjectNode();
        boolean nullable = s.path("nullable").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            switch (k) {
                case "nullable", "example", "deprecated", "title", "description", "default", "x-speakeasy-unknown-values" -> { }
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue(), depth + 1)));
                }
                case "items" -> out.set("items", convert(e.getValue(), depth + 1));
                case "oneOf", "anyOf", "allOf" -> {
                    ArrayNode arr = out.putArray(k);
                    e.getValue().forEach(x -> arr.add(convert(x, depth + 1)));
                }
                default -> out.set(k, e.getValue().deepCopy());
            }
        }
        if (strict && out.has("properties") && !out.has("additionalProperties")) out.put("additionalProperties", false);
        if (nullable) {
            if (out.has("type") && out.get("type").isTextual()) {
                ArrayNode types = Json.MAPPER.createArrayNode().add(out.get("type").asText()).add("null");
                out.set("type", types);
            }
            if (out.has("enum")) ((ArrayNode) out.get("enum")).addNull();
            if (out.has("pattern")) {
                // a pattern applies to strings only, so null still passes
            }
        }
        return out;
    }
}
