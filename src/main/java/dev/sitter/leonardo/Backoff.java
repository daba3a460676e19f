package dev.sitter.leonardo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt n waits uniform(0, min(cap, base * 2^n)).
 * Full jitter spreads retries of many clients apart (AWS "Exponential Backoff And Jitter").
 */
public record Backoff(Duration base, Duration cap) {
    public Backoff {
        if (base.isNegative() || cap.compareTo(base) < 0) throw new IllegalArgumentException("need 0 <= base <= cap");
    }

    /** The ceiling for attempt {@code n} (0-based) before jitter. */
    public Duration ceiling(int attempt) {
        long capMs = cap.toMillis();
        long ms = base.toMillis();
        for (int i = 0; i < attempt && ms < capMs; i++) ms *= 2;
        return Duration.ofMillis(Math.min(ms, capMs));
    }

    /** A jittered delay for attempt {@code n}. */
    public Duration delay(int attempt) {
        long ceil = ceiling(attempt).toMillis();
        return Duration.ofMillis(ceil <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceil + 1));
    }
}
