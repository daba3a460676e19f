package dev.sitter.leonardo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Retry-After parsing, full-jitter backoff bounds, and the token bucket on a fake clock. */
class RetryPrimitivesTest {
    @Test void retryAfterSecondsAndHttpDate() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", now));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Fri, 27 Nov 2026 10:00:30 GMT", now));
        assertEquals(Duration.ZERO, RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", now), "a past date means now");
        assertEquals(Duration.ZERO, RetryAfter.parse("-5", now));
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse(null, now));
    }

    @Test void fullJitterStaysUnderTheExponentialCeiling() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
        assertEquals(Duration.ofMillis(100), b.ceiling(0));
        assertEquals(Duration.ofMillis(800), b.ceiling(3));
        assertEquals(Duration.ofSeconds(2), b.ceiling(30), "capped, no overflow");
        boolean sawSmall = false;
        for (int i = 0; i < 500; i++) {
            Duration d = b.delay(3);
            assertTrue(!d.isNegative() && d.compareTo(Duration.ofMillis(800)) <= 0, d.toString());
            if (d.toMillis() < 400) sawSmall = true;
        }
        assertTrue(sawSmall, "full jitter reaches below half the ceiling");
    }

    @Test void pollDelaysStartAtTheFirstDelayThenStayWithinBounds() {
        PollPolicy p = new PollPolicy(Duration.ofSeconds(3), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(3), p.delayBefore(0));
        for (int i = 0; i < 200; i++) {
            Duration d = p.delayBefore(5);
            assertTrue(d.compareTo(Duration.ofSeconds(4)) >= 0 && d.compareTo(Duration.ofSeconds(8)) <= 0, d.toString());
        }
    }

    @Test void tokenBucketAllowsABurstThenRefillsWithTime() {
        AtomicLong now = new AtomicLong();
        TokenBucket b = new TokenBucket(3, 60, now::get); // 3 burst, one per second
        for (int i = 0; i < 3; i++) assertEquals(Duration.ZERO, b.tryAcquire());
        Duration wait = b.tryAcquire();
        assertTrue(wait.compareTo(Duration.ofMillis(990)) >= 0 && wait.compareTo(Duration.ofMillis(1010)) <= 0, wait.toString());
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertTrue(b.tryAcquire().toMillis() > 0, "half a token is not a token");
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(Duration.ZERO, b.tryAcquire());
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals(3.0, b.available(), 1e-9, "never more than the capacity");
    }

    @Test void aHundredCreatesPerMinuteMeansTheHundredAndFirstWaits() {
        AtomicLong now = new AtomicLong();
        TokenBucket b = new TokenBucket(100, 100, now::get);
        for (int i = 0; i < 100; i++) assertEquals(Duration.ZERO, b.tryAcquire());
        assertEquals(600, b.tryAcquire().toMillis(), 1);
    }
}
