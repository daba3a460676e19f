package dev.sitter.leonardo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses {@code Retry-After} in both forms RFC 9110 allows: delay-seconds or an HTTP-date.
 * (OkHttp's own parser treats a date as "forever", so Sitter parses it itself.)
 */
public final class RetryAfter {
    private RetryAfter() {}

    /** @return the wait, never negative, or null if the header is absent or unreadable */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) return null;
        String v = header.strip();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
