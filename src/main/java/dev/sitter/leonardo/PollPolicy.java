package dev.sitter.leonardo;

import java.time.Duration;

/**
 * How to poll a job: wait {@code firstDelay} (jobs never finish sooner), then poll with
 * {@code between} (base..cap, full jitter on top of a floor of half the ceiling so polls neither
 * bunch up nor starve), until the overall {@code deadline}.
 */
public record PollPolicy(Duration firstDelay, Backoff between, Duration deadline) {
    /** Live defaults: a portrait takes 5-30 s; poll from 3 s, every 1-15 s, give up after 10 min. */
    public static PollPolicy live() {
        return new PollPolicy(Duration.ofSeconds(3), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15)), Duration.ofMinutes(10));
    }

    /** The wait before poll number {@code n} (0 = the first poll). */
    public Duration delayBefore(int n) {
        if (n == 0) return firstDelay;
        long ceil = between.ceiling(n - 1).toMillis();
        long floor = ceil / 2;
        return Duration.ofMillis(floor + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceil - floor + 1));
    }
}
