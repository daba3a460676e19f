package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.leonardo.LeonardoException.Kind;
import dev.sitter.model.Json;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an error response ({@code {"error","path","code"}}, or whatever a proxy sent) into one
 * clear sentence that says what happened and what to do.
 */
final class ApiErrors {
    private static final Pattern UNEXPECTED_VARIABLE = Pattern.compile("(?i)unexpected variable\\s+['\"]?([A-Za-z_][A-Za-z0-9_.]*)");

    private ApiErrors() {}

    /**
     * @param what       what we were doing, e.g. "POST /generations"
     * @param sentFields top-level field names of the body we sent, to name the culprit
     */
    static LeonardoException from(String what, int status, String body, Duration retryAfter,
                                  Collection<String> sentFields, ApiKey key) {
        String error = null, path = null, code = null;
        try {
            JsonNode n = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
            if (n != null && n.isObject()) {
                error = text(n.get("error"));
                if (error == null) error = text(n.get("message"));
                path = text(n.get("path"));
                code = text(n.get("code"));
            }
        } catch (Exception notJson) {
            // a proxy's HTML page or a truncated body: quote a short, tag-free excerpt instead
        }
        if (error == null) error = excerpt(body);
        error = key.redact(error);
        String lower = error.toLowerCase(Locale.ROOT);
        String said = "HTTP " + status + (code == null ? "" : " " + code) + (error.isEmpty() ? "" : ": " + error);

        if (status == 401 || "access-denied".equals(code) && lower.contains("auth") || lower.contains("authorization hook")
                || lower.contains("authentication hook")) {
            return ex(Kind.BAD_KEY, "Leonardo rejected the API key on " + what + " (" + said + "). Check that "
                    + LeonardoEnvironment.KEY_VAR + " (or ~/.sitter/credentials) holds a current production API key from "
                    + "app.leonardo.ai > API Access; unset it to work offline against the sandbox.", status, null, code, retryAfter);
        }
        if (status == 402 || lower.contains("not enough") || lower.contains("insufficient") || lower.contains("out of credits")
                || lower.contains("out of tokens") || lower.contains("top up")) {
            return ex(Kind.OUT_OF_CREDITS, "Your Leonardo account has too few API credits for " + what + " (" + said
                    + "). Top up at app.leonardo.ai > API Access or ask for fewer/smaller images; `sitter account` shows the balance.",
                    status, null, code, retryAfter);
        }
        if (lower.contains("moderation") || lower.contains("inappropriate") || lower.contains("nsfw")) {
            return ex(Kind.MODERATION, "Leonardo's content filter blocked " + what + " (" + said
                    + "). Reword the prompt (the filter reacts to single words, often in the negative prompt too) and run it again.",
                    status, null, code, retryAfter);
        }
        if (status == 429) {
            return ex(Kind.RATE_LIMITED, "Leonardo says too many requests on " + what + " (" + said
                    + "); nothing was created. Wait a minute, or run fewer jobs at once.", status, null, code, retryAfter);
        }
        if (status >= 500) {
            return ex(Kind.SERVICE_DOWN, "Leonardo is having trouble (" + said + ") on " + what
                    + ". Try again in a few minutes; status.leonardo.ai shows outages.", status, null, code, retryAfter);
        }
        if (status == 404) {
            return ex(Kind.NOT_FOUND, "Leonardo has no such resource for " + what + " (" + said
                    + "). Check the id, and that it belongs to this API key's account.", status, null, code, retryAfter);
        }
        if (status == 400 || status == 422 || "validation-failed".equals(code) || "bad-request".equals(code)
                || lower.contains("not supported within the production api")) {
            String field = field(path, error, sentFields);
            String subject = field == null ? "the request" : "field '" + field + "'";
            return ex(Kind.INVALID_FIELD, "Leonardo rejected " + subject + " of " + what + " (" + said
                    + "). Fix that value in the script or template (see docs/client.md for the accepted ranges) and run again.",
                    status, field, code, retryAfter);
        }
        return ex(Kind.UNKNOWN, "Leonardo refused " + what + " (" + said + "). Nothing was resent; "
                + "if it keeps happening, check the request in docs/client.md.", status, null, code, retryAfter);
    }

    /** The culprit field: the error's JSON path, an "Unexpected variable x", or a sent field the message names. */
    static String field(String path, String error, Collection<String> sentFields) {
        if (path != null && !path.isBlank() && !path.equals("$")) {
            return path.startsWith("$.") ? path.substring(2) : path;
        }
        Matcher m = UNEXPECTED_VARIABLE.matcher(error);
        if (m.find()) return m.group(1);
        String lower = error.toLowerCase(Locale.ROOT);
        if (lower.contains("too many images")) return "num_images";
        if (lower.contains("dimensions")) return "width/height";
        if (lower.contains("init image id")) return sentFields.contains("init_generation_image_id") ? "init_generation_image_id" : "init_image_id";
        String best = sentFields.stream()
                .filter(f -> Pattern.compile("\\b" + Pattern.quote(f.toLowerCase(Locale.ROOT)) + "\\b").matcher(lower).find())
                .max(Comparator.comparingInt(String::length)).orElse(null);
        if (best != null) return best;
        if (lower.contains("prompt")) return "prompt";
        return null;
    }

    private static LeonardoException ex(Kind kind, String msg, int status, String field, String code, Duration retryAfter) {
        return new LeonardoException(kind, msg, status, field, code, retryAfter, null);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return n.isTextual() ? n.asText() : n.toString();
    }

    static String excerpt(String body) {
        if (body == null) return "";
        String s = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
