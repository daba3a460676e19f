package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sitter.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON Schemas for Leonardo's request and response bodies, taken from the published OpenAPI 3.0
 * file (a copy lives in src/test/resources/leonardo/openapi.json) and made validatable:
 * {@code $ref}s are inlined, OpenAPI's {@code nullable: true} becomes a JSON-Schema null type.
 *
 * <p>Request schemas are made <em>strict</em> ({@code additionalProperties: false}) so a misspelt
 * wire name fails the contract test; the only extra names allowed are the ones Leonardo documents
 * in its guides but left out of the spec: {@code styleUUID} and {@code contextImages} on
 * {@code POST /generations}, {@code influence} inside a controlnet.
 */
final class SpecSchemas {
    private static final JsonNode SPEC = load();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private SpecSchemas() {}

    private static JsonNode load() {
        try (InputStream in = SpecSchemas.class.getResourceAsStream("/leonardo/openapi.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode spec() { return SPEC; }

    /** The strict request schema of {@code method path} (path as in the spec, e.g. "/generations"). */
    static JsonSchema request(String method, String path) {
        JsonNode op = SPEC.path("paths").path(path).path(method.toLowerCase());
        JsonNode raw = op.path("requestBody").path("content").path("application/json").path("schema");
        if (raw.isMissingNode()) throw new IllegalArgumentException("no request schema for " + method + " " + path);
        ObjectNode s = (ObjectNode) convert(raw, 0);
        strict(s);
        if (path.equals("/generations") && method.equalsIgnoreCase("POST")) {
            ObjectNode props = (ObjectNode) s.get("properties");
            props.putObject("styleUUID").put("type", "string");
            ObjectNode ctx = props.putObject("contextImages");
            ctx.put("type", "array");
            ObjectNode item = ctx.putObject("items");
            item.put("type", "object").put("additionalProperties", false);
            item.putObject("properties").putObject("id").put("type", "string");
            ((ObjectNode) item.get("properties")).putObject("type").putArray("enum").add("UPLOADED").add("GENERATED");
            ObjectNode net = (ObjectNode) props.get("controlnets").get("items");
            ((ObjectNode) net.get("properties")).putObject("influence").put("type", "number");
        }
        return FACTORY.getSchema(s);
    }

    /** The (lenient, as published) 200 response schema of {@code method path}. */
    static JsonSchema response(String method, String path) {
        JsonNode raw = SPEC.path("paths").path(path).path(method.toLowerCase()).path("responses").path("200")
                .path("content").path("application/json").path("schema");
        if (raw.isMissingNode()) throw new IllegalArgumentException("no response schema for " + method + " " + path);
        return FACTORY.getSchema(convert(raw, 0));
    }

    /**
     * v2 is not in the v1 spec; this schema follows Leonardo's v2 guides (FLUX.2 Pro, Seedream,
     * GPT Image 1.5, Nano Banana Pro): {@code {model, public, parameters{...}}}.
     */
    static JsonSchema v2Request() {
        String s = """
            {"type":"object","additionalProperties":false,"required":["model","parameters"],
             "properties":{"model":{"type":"string"},"public":{"type":"boolean"},
              "parameters":{"type":"object","required":["prompt"],"properties":{
                "prompt":{"type":"string"},"quantity":{"type":"integer","minimum":1,"maximum":8},
                "width":{"type":"integer"},"height":{"type":"integer"},"seed":{"type":"integer","minimum":0},
                "style_ids":{"type":"array","items":{"type":"string"}},"prompt_enhance":{"enum":["ON","OFF"]},
                "guidances":{"type":"object","additionalProperties":false,"properties":{"image_reference":{"type":"array","maxItems":6,
                  "items":{"type":"object","additionalProperties":false,"required":["image","strength"],"properties":{
                    "image":{"type":"object","additionalProperties":false,"required":["id","type"],"properties":{
                      "id":{"type":"string"},"type":{"enum":["UPLOADED","GENERATED"]}}},
                    "strength":{"enum":["LOW","MID","HIGH"]}}}}}}}}}}
            """;
        return FACTORY.getSchema(Json.tree(s));
    }

    /** Validation messages, sorted; empty when valid. */
    static Set<String> problems(JsonSchema schema, JsonNode body) {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : schema.validate(body)) out.add(m.getMessage());
        return out;
    }

    private static void strict(ObjectNode s) {
        if (s.has("properties")) {
            s.put("additionalProperties", false);
            s.get("properties").forEach(p -> {
                if (p.isObject()) strict((ObjectNode) p);
            });
        }
        if (s.has("items") && s.get("items").isObject()) strict((ObjectNode) s.get("items"));
    }

    /** Inlines $refs and turns OpenAPI 3.0 {@code nullable} into JSON-Schema null types. */
    private static JsonNode convert(JsonNode node, int depth) {
        if (depth > 40) throw new IllegalStateException("$ref nesting too deep");
        if (node.isArray()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            node.forEach(n -> a.add(convert(n, depth + 1)));
            return a;
        }
        if (!node.isObject()) return node;
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (node.has("$ref")) {
            JsonNode target = SPEC.at(node.get("$ref").asText().substring(1));
            if (target.isMissingNode()) throw new IllegalStateException("dangling $ref " + node.get("$ref"));
            out.setAll((ObjectNode) convert(target, depth + 1));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("$ref") || k.equals("example") || k.equals("nullable")) continue;
            // "properties" maps names to schemas: convert each value, keep the names
            if (k.equals("properties") && e.getValue().isObject()) {
                ObjectNode props = Json.MAPPER.createObjectNode();
                e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), convert(p.getValue(), depth + 1)));
                out.set(k, props);
            } else {
                out.set(k, convert(e.getValue(), depth + 1));
            }
        }
        boolean nullable = node.path("nullable").asBoolean(false)
                || node.has("$ref") && SPEC.at(node.get("$ref").asText().substring(1)).path("nullable").asBoolean(false);
        if (nullable && out.has("type") && out.get("type").isTextual()) {
            String t = out.get("type").asText();
            out.putArray("type").add(t).add("null");
            if (out.has("enum")) ((ArrayNode) out.get("enum")).addNull();
        }
        return out;
    }

}
