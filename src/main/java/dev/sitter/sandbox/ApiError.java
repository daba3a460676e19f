package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

/**
 * An error reply in Leonardo's shape: {@code {"error": message, "path": "$", "code": code}}.
 * Thrown by handlers; the server turns it into the HTTP reply.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String code;
    final Long retryAfterSeconds;

    ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    ApiError(int status, String code, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "validation-failed", message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", message);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "access-denied", "Authentication hook unauthorized this request");
    }

    static ApiError notFound() {
        return new ApiError(404, "not-found", "resource does not exist");
    }

    ObjectNode body() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("error", getMessage());
        n.put("path", "$");
        n.put("code", code);
        return n;
    }
}
