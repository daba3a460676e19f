package dev.sitter.leonardo;

import java.time.Instant;

/**
 * A paid POST left this machine but no readable answer came back (timeout, reset, 5xx, truncated
 * body): Leonardo may or may not have created the job. The caller must reconcile, never resend.
 */
final class UnknownOutcome extends Exception {
    private final Instant sentAt;

    UnknownOutcome(String reason, Instant sentAt, Throwable cause) {
        super(reason, cause);
        this.sentAt = sentAt;
    }

    /** When the request was handed to the socket (before any server could have stamped createdAt). */
    Instant sentAt() { return sentAt; }
}
