package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, body bytes, extra headers. */
final class Reply {
    final int status;
    final String contentType;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    Reply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Reply json(JsonNode node) {
        return json(200, node);
    }

    static Reply json(int status, JsonNode node) {
        return new Reply(status, "application/json; charset=utf-8", Json.compact(node).getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
        return new Reply(status, null, new byte[0]);
    }

    static Reply bytes(String contentType, byte[] body) {
        return new Reply(200, contentType, body);
    }

    static Reply xml(int status, String xml) {
        return new Reply(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
