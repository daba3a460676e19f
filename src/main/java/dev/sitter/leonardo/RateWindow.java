package dev.sitter.leonardo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} permits in any sliding window of {@code window} (a log of recent send
 * times). Used to stay under Leonardo's published limits (2000 requests/min overall, 100 creates/min
 * per endpoint) on the client side, so work queues here instead of bouncing off a 429. Unlike a
 * token bucket of the same rate, which lets a full burst plus a minute of refill through (up to 2x
 * the limit in one minute), a window never exceeds the limit in any minute, and still allows the
 * whole limit as a burst.
 */
public final class RateWindow {
    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    /** {@code perMinute} permits per minute, on the system clock. */
    public RateWindow(int perMinute) { this(perMinute, Duration.ofMinutes(1), System::nanoTime); }

    public RateWindow(int limit, Duration window, LongSupplier nanoTime) {
        if (limit < 1) throw new IllegalArgumentException("a rate limit needs at least 1 per window");
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Takes a permit if the window has room now; otherwise returns how long until it will. */
    public synchronized Duration tryAcquire() {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) sent.pollFirst();
        if (sent.size() < limit) {
            sent.addLast(now);
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1, sent.peekFirst() + windowNanos - now));
    }

    /** Blocks until a permit is available and takes it. */
    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait = tryAcquire();
            if (wait.isZero()) return;
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }
    }

    /** Permits left in the current window (for status lines and tests). */
    public synchronized int available() {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) sent.pollFirst();
        return limit - sent.size();
    }
}
