package dev.sitter.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Sliding one-minute windows per key: Leonardo's "N requests per minute" limits. */
final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private final LongSupplier clock;

    RateLimiter(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /**
     * Records a hit on {@code key} if under {@code limit} in the last minute.
     *
     * @return 0 when allowed, otherwise seconds until a slot frees (at least 1)
     */
    synchronized long tryAcquire(String key, int limit) {
        long now = clock.getAsLong();
        Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!w.isEmpty() && now - w.peekFirst() >= MINUTE_NANOS) w.pollFirst();
        if (w.size() >= limit) {
            long wait = MINUTE_NANOS - (now - w.peekFirst());
            return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        }
        w.addLast(now);
        return 0;
    }
}
