package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.leonardo.LeonardoException.Kind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides what happened to a create whose answer was lost, by reading the account's history
 * ({@code GET /generations/user/{userId}}) for a generation made after the send that matches the
 * request. Exactly one unclaimed match is adopted. Otherwise Sitter fails with a message saying
 * what to check; it never resends, because a blind resend could pay twice.
 */
final class Reconciler {
    private static final int PAGE = 20;
    private static final int MAX_PAGES = 5;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ApiTransport http;
    private final Supplier<String> userId;
    private final ClientConfig config;
    private final Set<String> claimed;

    Reconciler(ApiTransport http, Supplier<String> userId, ClientConfig config, Set<String> claimed) {
        this.http = http;
        this.userId = userId;
        this.config = config;
        this.claimed = claimed;
    }

    /** @return the generation id the lost request created; it is marked claimed */
    String find(String what, Fingerprint fp, Instant sentAt, String why) {
        Instant giveUp = http.clock().instant().plus(config.reconcileWait());
        Instant since = sentAt.minus(config.clockSkew());
        String advice = " Sitter did not resend it, so at most one job was paid for. Check your generations on "
                + "app.leonardo.ai for one made around " + CLOCK.format(sentAt) + " with " + fp.describe()
                + "; if there is none, run the command again.";
        int round = 0;
        while (true) {
            List<GenerationView> matches;
            try {
                matches = candidates(fp, since);
            } catch (LeonardoException e) {
                throw new LeonardoException(Kind.UNCERTAIN, what + " got no clear answer (" + why
                        + "), and Sitter could not read your history to check (" + e.getMessage() + ")." + advice,
                        0, null, null, null, e);
            }
            synchronized (claimed) {
                List<GenerationView> free = matches.stream().filter(g -> !claimed.contains(g.id())).toList();
                if (free.size() == 1) {
                    claimed.add(free.get(0).id());
                    return free.get(0).id();
                }
                if (free.size() > 1) {
                    throw new LeonardoException(Kind.UNCERTAIN, what + " got no clear answer (" + why + "), and "
                            + free.size() + " generations in your history match it ("
                            + String.join(", ", free.stream().map(GenerationView::id).toList())
                            + "), so Sitter cannot tell which is this one." + advice);
                }
            }
            if (!http.clock().instant().isBefore(giveUp)) {
                throw new LeonardoException(Kind.UNCERTAIN, what + " got no clear answer (" + why
                        + "), and no matching generation appeared in your history within "
                        + config.reconcileWait().toSeconds() + " s." + advice);
            }
            http.pause(config.retry().ceiling(round++));
        }
    }

    private List<GenerationView> candidates(Fingerprint fp, Instant since) {
        String user = userId.get();
        List<GenerationView> out = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode r = http.get(http.v1("/generations/user/" + user + "?offset=" + (page * PAGE) + "&limit=" + PAGE));
            JsonNode gens = r.path("generations");
            if (!gens.isArray() || gens.isEmpty()) break;
            boolean older = false;
            for (JsonNode n : gens) {
                GenerationView g = GenerationView.parse(n);
                if (g.createdAt() != null && g.createdAt().isBefore(since)) {
                    older = true;
                    continue;
                }
                if (g.id() != null && fp.matches(g)) out.add(g);
            }
            if (older || gens.size() < PAGE) break; // history is newest first; the rest is older still
        }
        return out;
    }
}
