package dev.sitter.leonardo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Retry-After parsing, full-jitter backoff bounds, and the sliding rate window on a fake clock. */
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

    @Test void rateWindowAllowsTheWholeLimitAsABurstThenWaitsForTheOldestToAge() {
        AtomicLong now = new AtomicLong();
        RateWindow w = new RateWindow(3, Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 3; i++) assertEquals(Duration.ZERO, w.tryAcquire());
        assertEquals(Duration.ofSeconds(60), w.tryAcquire(), "the oldest permit frees up after the full window");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(Duration.ofSeconds(1), w.tryAcquire());
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, w.tryAcquire());
        assertEquals(2, w.available(), "the whole first burst aged out together");
    }

    @Test void neverMoreThanTheLimitInAnyMinuteEvenWhenSaturated() {
        AtomicLong now = new AtomicLong();
        RateWindow w = new RateWindow(100, Duration.ofMinutes(1), now::get);
        java.util.List<Long> sends = new java.util.ArrayList<>();
        for (int step = 0; step < 5000; step++) { // 5000 x 50 ms = 250 s of a client that always wants to send
            while (w.tryAcquire().isZero()) sends.add(now.get());
            now.addAndGet(Duration.ofMillis(50).toNanos());
        }
        long minute = Duration.ofMinutes(1).toNanos();
        for (int i = 0; i < sends.size(); i++) {
            int j = i;
            while (j < sends.size() && sends.get(j) - sends.get(i) < minute) j++;
            assertTrue(j - i <= 100, "at most 100 in the minute from send " + i + ", saw " + (j - i));
        }
        assertTrue(sends.size() >= 400, "still uses the whole budget: " + sends.size());
    }

    @Test void aReservedPermitCountsFromItsSendOnceRestampedAndAReleasedOneFreesItsPlace() throws Exception {
        AtomicLong now = new AtomicLong();
        RateWindow w = new RateWindow(2, Duration.ofSeconds(60), now::get);
        RateWindow.Permit early = w.reserve(); // taken at 0 s; its holder then waits 30 s for a job slot
        RateWindow.Permit other = w.reserve();
        assertEquals(0, w.available());
        w.release(other); // its request was cancelled before the send
        assertEquals(1, w.available());
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertTrue(w.restamp(early), "sent at 30 s");
        assertEquals(Duration.ZERO, w.tryAcquire());
        now.addAndGet(Duration.ofSeconds(31).toNanos()); // 61 s: a permit stamped at 0 s would have aged out by now
        assertEquals(Duration.ofSeconds(29), w.tryAcquire(), "the send at 30 s still counts until 90 s");
    }

    @Test void aReservedPermitThatExpiredWhileWaitingIsNotRestamped() throws Exception {
        AtomicLong now = new AtomicLong();
        RateWindow w = new RateWindow(1, Duration.ofSeconds(60), now::get);
        RateWindow.Permit p = w.reserve();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertEquals(Duration.ZERO, w.tryAcquire(), "someone else took the place the expired permit left");
        assertFalse(w.restamp(p), "the holder must take a fresh permit (and wait for it) rather than squeeze past the limit");
        assertEquals(0, w.available());
    }
}
