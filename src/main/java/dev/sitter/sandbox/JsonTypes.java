package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** GraphQL-style type names for validation messages ("expected Int, encountered String"). */
final class JsonTypes {
    private JsonTypes() {}

    static String name(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isTextual()) return "String";
        if (n.isBoolean()) return "Boolean";
        if (n.isIntegralNumber()) return "Int";
        if (n.isNumber()) return "Float";
        if (n.isArray()) return "Array";
        if (n.isObject()) return "Object";
        return n.getNodeType().name();
    }
}
