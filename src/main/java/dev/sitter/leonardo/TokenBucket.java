package dev.sitter.leonardo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code perMinute} per minute.
 * Used to stay under Leonardo's published limits (2000 requests/min overall, 100 creates/min per
 * endpoint) on the client side, so work queues here instead of bouncing off a 429.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long last;

    public TokenBucket(int perMinute) { this(perMinute, perMinute, System::nanoTime); }

    public TokenBucket(int capacity, int perMinute, LongSupplier nanoTime) {
        if (capacity < 1 || perMinute < 1) throw new IllegalArgumentException("a rate limit needs at least 1 per minute");
        this.capacity = capacity;
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token if one is available now; otherwise returns how long until one will be. */
    public Duration tryAcquire() {
        lock.lock();
        try {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a token is available and takes it. */
    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait = tryAcquire();
            if (wait.isZero()) return;
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }
    }

    /** Tokens available now (for status lines and tests). */
    public double available() {
        lock.lock();
        try {
            refill();
            return tokens;
        } finally {
            lock.unlock();
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
