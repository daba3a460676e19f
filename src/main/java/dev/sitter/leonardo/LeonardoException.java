package dev.sitter.leonardo;

import java.time.Duration;

/**
 * Everything that can go wrong talking to Leonardo, as one clear sentence plus what to do.
 * The {@link Kind} lets callers react (e.g. stop a batch on {@link Kind#OUT_OF_CREDITS});
 * the message is what a user reads. Messages never contain the API key.
 */
public final class LeonardoException extends RuntimeException {

    public enum Kind {
        /** The key is missing, malformed or revoked. */
        BAD_KEY,
        /** Not enough credits/tokens for this job. */
        OUT_OF_CREDITS,
        /** The prompt or image was blocked by Leonardo's content filter. */
        MODERATION,
        /** The API rejected a field of the request; {@link #field()} names it when known. */
        INVALID_FIELD,
        /** Too many requests; nothing was created. */
        RATE_LIMITED,
        /** Leonardo answered 5xx. */
        SERVICE_DOWN,
        /** The generation, image or model does not exist (or is not yours). */
        NOT_FOUND,
        /** A request or the overall job deadline timed out. */
        TIMEOUT,
        /** The connection failed. */
        NETWORK,
        /** Leonardo ran the job and reported FAILED. */
        JOB_FAILED,
        /** A paid request may or may not have been created; Sitter did not resend it. */
        UNCERTAIN,
        /** Leonardo answered something Sitter cannot read (truncated or unexpected JSON). */
        BAD_RESPONSE,
        /** Uploading an image to Leonardo's storage failed. */
        UPLOAD_FAILED,
        /** Local configuration (key, credentials file, base URL) is wrong. */
        CONFIG,
        /** Anything else. */
        UNKNOWN
    }

    private final Kind kind;
    private final int httpStatus;
    private final String field;
    private final String apiCode;
    private final Duration retryAfter;
    private final String generationId;

    public LeonardoException(Kind kind, String message) {
        this(kind, message, 0, null, null, null, null);
    }

    public LeonardoException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, null, null, null, cause);
    }

    public LeonardoException(Kind kind, String message, int httpStatus, String field, String apiCode,
                             Duration retryAfter, Throwable cause) {
        this(kind, message, httpStatus, field, apiCode, retryAfter, null, cause);
    }

    private LeonardoException(Kind kind, String message, int httpStatus, String field, String apiCode,
                              Duration retryAfter, String generationId, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.field = field;
        this.apiCode = apiCode;
        this.retryAfter = retryAfter;
        this.generationId = generationId;
    }

    /** This failure, tagged with the (paid-for) generation it concerns, so the caller can resume it later. */
    public LeonardoException forGeneration(String id) {
        return new LeonardoException(kind, getMessage(), httpStatus, field, apiCode, retryAfter, id, this);
    }

    /** This failure with a sentence appended (e.g. what Sitter already tried). */
    public LeonardoException withNote(String note) {
        return new LeonardoException(kind, getMessage() + " " + note, httpStatus, field, apiCode, retryAfter, generationId, getCause());
    }

    /** The Leonardo generation this failure concerns (it exists and may be paid for), or null. */
    public String generationId() { return generationId; }

    public Kind kind() { return kind; }

    /** HTTP status, or 0 when there was no response. */
    public int httpStatus() { return httpStatus; }

    /** The request field the API complained about, or null. */
    public String field() { return field; }

    /** Leonardo's {@code code} (e.g. validation-failed), or null. */
    public String apiCode() { return apiCode; }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() { return retryAfter; }

    /** Whether a later identical request could succeed without the user changing anything. */
    public boolean isTransient() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVICE_DOWN || kind == Kind.TIMEOUT || kind == Kind.NETWORK;
    }
}
