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

    /**
     * A permit taken before its request can be sent, so a caller can wait for the window first and
     * only then take a scarce job slot (a slot held while waiting for the window would idle). The
     * window counts it from when it was taken until {@link #restamp} moves it to the real send.
     */
    public static final class Permit {
        private long at;

        private Permit(long at) { this.at = at; }
    }

    /** Blocks until the window has room and takes a permit for a send that follows soon. */
    public Permit reserve() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                wait = tryAcquire();
                if (wait.isZero()) return new Permit(sent.peekLast());
            }
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }
    }

    /**
     * Moves a reserved permit to now, the moment its request is sent, so the window never counts a
     * send earlier than it happened (which could let a later send through too soon). Returns false
     * when the permit expired while its holder waited; the caller then takes a fresh one.
     */
    public synchronized boolean restamp(Permit permit) {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) sent.pollFirst();
        if (!sent.removeFirstOccurrence(permit.at)) return false;
        sent.addLast(now);
        permit.at = now;
        return true;
    }

    /** Gives back a reserved permit whose request was not sent after all. */
    public synchronized void release(Permit permit) {
        sent.removeFirstOccurrence(permit.at);
    }

    /** Permits left in the current window (for status lines and tests). */
    public synchronized int available() {
        long now = nanoTime.getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) sent.pollFirst();
        return limit - sent.size();
    }
}
