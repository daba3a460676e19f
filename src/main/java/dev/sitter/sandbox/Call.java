package dev.sitter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One incoming request as the handlers see it: method, path, path parameters, query, headers, body. */
final class Call {
    final String method;
    /** The path below the API root, e.g. "/generations/abc" (v1) or the full path for non-API routes. */
    final String path;
    final Map<String, String> query;
    final Map<String, List<String>> headers;
    final byte[] body;
    Map<String, String> params = Map.of();
    /** The fault drawn for this request, or null; job-level faults (fail, moderation, drift) are acted on by the handler. */
    Fault fault;

    Call(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    String param(String name) {
        return params.get(name);
    }

    String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    /** The body as a JSON object; an empty body is an empty object; anything else is Leonardo's invalid-json error. */
    ObjectNode json() {
        if (body.length == 0) return Json.MAPPER.createObjectNode();
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid-json", "Error in $: Failed reading: not a valid json value");
        } catch (java.io.IOException e) {
            throw new ApiError(400, "invalid-json", "Error in $: Failed reading: not a valid json value");
        }
        if (n == null || n.isMissingNode()) return Json.MAPPER.createObjectNode();
        if (!n.isObject()) throw new ApiError(400, "parse-failed", "expected Object for the request body, but encountered " + JsonTypes.name(n));
        return (ObjectNode) n;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }
}
