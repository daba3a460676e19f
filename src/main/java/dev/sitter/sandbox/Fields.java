package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type-checked access to a request object, with Leonardo's error messages: unknown names are
 * "Unexpected variable NAME" (bad-request), wrong types and bad values are validation-failed and
 * name the field. Explicit JSON nulls count as "not sent", as Hasura treats nullable arguments.
 */
final class Fields {
    enum Type { STRING, BOOLEAN, INT, FLOAT, ARRAY, OBJECT, ANY }

    private final ObjectNode node;
    private final String prefix;

    Fields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** Rejects any field whose name is not in {@code known} (names are case-sensitive). */
    Fields onlyKnown(Map<String, Type> known) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!known.containsKey(name)) throw ApiError.badRequest("Unexpected variable " + prefix + name);
            Type t = known.get(name);
            JsonNode v = node.get(name);
            if (!v.isNull() && !matches(v, t)) {
                throw ApiError.validation(prefix + name + ": Expected " + article(t) + " for type " + gqlName(t)
                        + " but found " + describe(v));
            }
        }
        return this;
    }

    private static boolean matches(JsonNode v, Type t) {
        return switch (t) {
            case STRING -> v.isTextual();
            case BOOLEAN -> v.isBoolean();
            case INT -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case FLOAT -> v.isNumber();
            case ARRAY -> v.isArray();
            case OBJECT -> v.isObject();
            case ANY -> true;
        };
    }

    private static String article(Type t) {
        return switch (t) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case INT, FLOAT -> "a number";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case ANY -> "a value";
        };
    }

    private static String gqlName(Type t) {
        return switch (t) {
            case STRING -> "String";
            case BOOLEAN -> "Boolean";
            case INT -> "Int";
            case FLOAT -> "Float";
            case ARRAY -> "List";
            case OBJECT -> "Object";
            case ANY -> "Any";
        };
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) return "a string";
        if (v.isBoolean()) return "a boolean";
        if (v.isNumber()) return "a number";
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return "null";
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String str(String name) {
        return has(name) ? node.get(name).asText() : null;
    }

    Boolean bool(String name) {
        return has(name) ? node.get(name).asBoolean() : null;
    }

    boolean bool(String name, boolean dflt) {
        Boolean b = bool(name);
        return b == null ? dflt : b;
    }

    Long integer(String name) {
        return has(name) ? node.get(name).asLong() : null;
    }

    Double number(String name) {
        return has(name) ? node.get(name).asDouble() : null;
    }

    JsonNode raw(String name) {
        return has(name) ? node.get(name) : null;
    }

    String enumValue(String name, String typeName, Set<String> allowed) {
        String v = str(name);
        if (v != null && !allowed.contains(v)) {
            throw ApiError.validation(prefix + name + ": unexpected value \"" + v + "\" for enum '" + typeName
                    + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return v;
    }

    String required(String name) {
        String v = str(name);
        if (v == null) throw ApiError.validation("missing required field '" + prefix + name + "'");
        return v;
    }

    void range(String name, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            throw ApiError.validation(prefix + name + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value.doubleValue()));
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Set<String> set(String... values) {
        return Set.of(values);
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
