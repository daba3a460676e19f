package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.leonardo.LeonardoException.Kind;

import java.time.Instant;
import java.util.Locale;

/**
 * Polls a job until Leonardo says COMPLETE or FAILED, judging by {@code status} (a PENDING job has
 * an empty image list, so counting images would be wrong), with backoff and an overall deadline.
 */
final class Poller {
    /**
     * A just-created job may not be readable yet (eventual consistency); for this long after the send,
     * and for at least a few polls, a 404 or an empty answer counts as pending, not as gone.
     */
    private static final java.time.Duration GRACE = java.time.Duration.ofSeconds(60);
    private static final int MIN_MISSES = 3;

    private final ApiTransport http;
    private final PollPolicy policy;
    private final LearnedDuration generations = new LearnedDuration();
    private final LearnedDuration variations = new LearnedDuration();

    Poller(ApiTransport http, PollPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    record Done<T>(T value, int polls, Instant at) {}

    /** Polls a job this client just created: early 404s are tolerated for a while. */
    Done<GenerationView> generation(String id, Instant sentAt) {
        return generation(id, sentAt, true);
    }

    /** @param justCreated false for a job from an earlier run: a 404 then means gone (after a few tries) */
    Done<GenerationView> generation(String id, Instant sentAt, boolean justCreated) {
        return poll("generation " + id, id, sentAt, justCreated, generations, () -> {
            JsonNode g = http.get(http.v1("/generations/" + id)).get("generations_by_pk");
            return g == null || g.isNull() ? null : GenerationView.parse(g);
        });
    }

    Done<VariationView> variation(String id, Instant sentAt) {
        return poll("variation " + id, id, sentAt, true, variations, () -> VariationView.parse(http.get(http.v1("/variations/" + id)), id));
    }

    interface Fetch<T extends Statused> {
        T fetch();
    }

    interface Statused {
        String status();
    }

    private boolean withinGrace(int misses, Instant sentAt, boolean justCreated) {
        return misses <= MIN_MISSES || justCreated && http.clock().instant().isBefore(sentAt.plus(GRACE));
    }

    private <T extends Statused> Done<T> poll(String what, String id, Instant sentAt, boolean justCreated,
                                              LearnedDuration typical, Fetch<T> fetch) {
        Instant deadline = sentAt.plus(policy.deadline());
        int misses = 0;
        String last = "PENDING";
        for (int n = 0; ; n++) {
            // a job from an earlier run may long be done: look at once; a fresh one is not done before it typically is
            if (n > 0 || justCreated) http.pause(n == 0 ? typical.firstPoll(policy.firstDelay()) : policy.delayBefore(n));
            T v;
            try {
                v = fetch.fetch();
            } catch (LeonardoException e) {
                if (e.kind() == Kind.NOT_FOUND && withinGrace(++misses, sentAt, justCreated)) continue;
                throw e.forGeneration(id);
            }
            if (v == null) {
                if (!withinGrace(++misses, sentAt, justCreated)) {
                    throw new LeonardoException(Kind.NOT_FOUND, "Leonardo does not know " + what
                            + "; it may have been deleted.").forGeneration(id);
                }
            } else {
                String s = v.status() == null ? "PENDING" : v.status().toUpperCase(Locale.ROOT);
                last = s;
                if (s.equals("COMPLETE")) {
                    Instant now = http.clock().instant();
                    // a first-poll hit overestimates by at most the 10% margin, which pulls the estimate down when jobs speed up
                    if (justCreated) typical.observe(java.time.Duration.between(sentAt, now));
                    return new Done<>(v, n + 1, now);
                }
                if (s.equals("FAILED")) {
                    throw new LeonardoException(Kind.JOB_FAILED, "Leonardo reports " + what + " FAILED. This is usually "
                            + "a moderation block or an unsupported combination of settings; change the prompt or "
                            + "settings and run it again.").forGeneration(id);
                }
                // PENDING, or a status this version does not know: keep waiting
            }
            if (!http.clock().instant().isBefore(deadline)) {
                throw new LeonardoException(Kind.TIMEOUT, what + " was still " + last + " after "
                        + policy.deadline().toMinutes() + " min. It was created and may still finish; fetch it later "
                        + "by its id instead of generating again.").forGeneration(id);
            }
        }
    }
}
