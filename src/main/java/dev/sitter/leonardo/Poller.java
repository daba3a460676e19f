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
    /** A just-created job may not be readable yet; this many early 404s/nulls are treated as pending. */
    private static final int EARLY_MISSES = 3;

    private final ApiTransport http;
    private final PollPolicy policy;

    Poller(ApiTransport http, PollPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    record Done<T>(T value, int polls, Instant at) {}

    Done<GenerationView> generation(String id, Instant sentAt) {
        return poll("generation " + id, id, sentAt, () -> {
            JsonNode g = http.get(http.v1("/generations/" + id)).get("generations_by_pk");
            return g == null || g.isNull() ? null : GenerationView.parse(g);
        });
    }

    Done<VariationView> variation(String id, Instant sentAt) {
        return poll("variation " + id, id, sentAt, () -> VariationView.parse(http.get(http.v1("/variations/" + id)), id));
    }

    interface Fetch<T extends Statused> {
        T fetch();
    }

    interface Statused {
        String status();
    }

    private <T extends Statused> Done<T> poll(String what, String id, Instant sentAt, Fetch<T> fetch) {
        Instant deadline = sentAt.plus(policy.deadline());
        int misses = 0;
        String last = "PENDING";
        for (int n = 0; ; n++) {
            http.pause(policy.delayBefore(n));
            T v;
            try {
                v = fetch.fetch();
            } catch (LeonardoException e) {
                if (e.kind() == Kind.NOT_FOUND && ++misses <= EARLY_MISSES) continue;
                throw e.forGeneration(id);
            }
            if (v == null) {
                if (++misses > EARLY_MISSES) {
                    throw new LeonardoException(Kind.NOT_FOUND, "Leonardo does not know " + what
                            + "; it may have been deleted.").forGeneration(id);
                }
            } else {
                String s = v.status() == null ? "PENDING" : v.status().toUpperCase(Locale.ROOT);
                last = s;
                if (s.equals("COMPLETE")) return new Done<>(v, n + 1, http.clock().instant());
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
