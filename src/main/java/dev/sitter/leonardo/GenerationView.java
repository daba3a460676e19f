package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generation as Leonardo reports it ({@code generations_by_pk} or an item of
 * {@code /generations/user/{userId}}), read leniently: unknown fields are ignored, an unknown status
 * is kept as text, the seed may be a number or a string.
 */
public record GenerationView(String id, String status, Instant createdAt, String prompt, String negativePrompt,
                             String modelId, Integer width, Integer height, Long seed, List<Image> images)
        implements Poller.Statused {

    /** One image entry: id, URL, nsfw flag. */
    public record Image(String id, String url, boolean nsfw) {}

    public GenerationView {
        images = List.copyOf(images);
    }

    public boolean isComplete() { return "COMPLETE".equals(status); }

    public boolean isFailed() { return "FAILED".equals(status); }

    static GenerationView parse(JsonNode n) {
        List<Image> images = new ArrayList<>();
        JsonNode imgs = n.get("generated_images");
        if (imgs != null && imgs.isArray()) {
            for (JsonNode i : imgs) {
                String id = str(i, "id"), url = str(i, "url");
                if (id != null && url != null) images.add(new Image(id, url, i.path("nsfw").asBoolean(false)));
            }
        }
        String status = str(n, "status");
        return new GenerationView(str(n, "id"), status == null ? null : status.toUpperCase(Locale.ROOT),
                instant(str(n, "createdAt")), str(n, "prompt"), str(n, "negativePrompt"), str(n, "modelId"),
                integer(n.get("imageWidth")), integer(n.get("imageHeight")), seed(n.get("seed")), images);
    }

    /** A seed sent as 42, 42.0 or "42" (the webhook sends strings); null if absent or not a whole number. */
    static Long seed(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return n.asLong();
        if (n.isNumber()) {
            double d = n.asDouble();
            return d == Math.rint(d) ? (long) d : null;
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Leonardo's timestamps ("2024-05-01T12:00:00.123", sometimes with an offset); no zone means UTC. */
    static Instant instant(String s) {
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    private static Integer integer(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asInt();
    }

    static String str(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
