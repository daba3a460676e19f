package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hooks around a paid create, for crash-safe journaling: write the INTENT durably in
 * {@link #beforeSend} (the request has not left yet; throwing cancels it and nothing is sent), and
 * SUBMITTED in {@link #submitted} (the job exists on Leonardo and may be paid for). A crash between
 * the two is exactly the case {@link LeonardoClient#fetch} and history reconciliation resolve.
 */
public interface JobListener {
    JobListener NONE = new JobListener() { };

    /** Called once a job slot is held, right before the paid POST, with the exact wire body. */
    default void beforeSend(String endpoint, ObjectNode body) { }

    /** Called as soon as the generation id is known (from the answer, or reconciled from the history). */
    default void submitted(String generationId, Cost cost, boolean reconciled) { }

    /**
     * Called when Leonardo refused the create outright (4xx, or a rate limit that would not clear):
     * no job exists, the intent can be closed. Not called for UNCERTAIN outcomes.
     */
    default void refused(LeonardoException e) { }
}
