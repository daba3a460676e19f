package dev.sitter.leonardo;

import java.util.Objects;

/**
 * The Leonardo API key, held so it cannot leak by accident: {@link #toString()} is {@code "***"},
 * there is no public getter, and {@link #redact(String)} scrubs it from any text (server messages,
 * exception messages) before that text leaves the client.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) { this.value = value; }

    /** @throws IllegalArgumentException for a blank key (the message never contains the key) */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "key");
        String v = value.strip();
        if (v.isEmpty()) throw new IllegalArgumentException("the API key is empty");
        if (v.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the API key contains spaces or non-ASCII characters; copy it again from Leonardo's API page");
        }
        return new ApiKey(v);
    }

    /** The value for the Authorization header; package-private so only the transport can read it. */
    String reveal() { return value; }

    /** "…abcd": enough to tell two keys apart in a status line, not enough to use. */
    public String masked() {
        return value.length() <= 8 ? "***" : "…" + value.substring(value.length() - 4);
    }

    /** Replaces every occurrence of the key in {@code text} with "***". */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override public String toString() { return "***"; }
}
