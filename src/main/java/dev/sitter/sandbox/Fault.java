package dev.sitter.sandbox;

import java.util.Locale;

/** One kind of trouble the sandbox can inject, with the name used in {@code --faults} specs. */
public enum Fault {
    /** 429 Too Many Requests with Retry-After. */
    RATE_LIMIT("429", false),
    /** 500 Internal Server Error. */
    SERVER_ERROR("500", false),
    /** 503 Service Unavailable with Retry-After. */
    UNAVAILABLE("503", false),
    /** The connection closes before the request is processed: nothing happened on the server. */
    RESET_BEFORE("reset-before", false),
    /** The request is processed (a job is created and charged), then the connection closes without a reply. */
    RESET_AFTER("reset-after", false),
    /** The reply is held back for the configured slow delay. */
    SLOW("slow", false),
    /** The reply's body is cut short and the connection closed. */
    TRUNCATE("truncate", false),
    /** The job is accepted and charged, then ends FAILED. Only on paid creates. */
    FAIL("fail", true),
    /** 403 "content moderation filter: WORD"; nothing is charged. Only on paid creates. */
    MODERATION("moderation", true),
    /** The render strays from the character: different hair, eyes, skin and face layout. Only on paid creates. */
    DRIFT("drift", true);

    private final String spec;
    private final boolean createOnly;

    Fault(String spec, boolean createOnly) {
        this.spec = spec;
        this.createOnly = createOnly;
    }

    public String spec() { return spec; }

    /** Faults that only make sense when a job is created. */
    public boolean createOnly() { return createOnly; }

    public static Fault fromSpec(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Fault f : values()) if (f.spec.equals(n)) return f;
        StringBuilder known = new StringBuilder();
        for (Fault f : values()) known.append(known.length() == 0 ? "" : ", ").append(f.spec);
        throw new IllegalArgumentException("unknown fault '" + name.trim() + "'; known faults: " + known);
    }
}
