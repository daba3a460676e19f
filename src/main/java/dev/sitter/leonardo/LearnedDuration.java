package dev.sitter.leonardo;

import java.time.Duration;

/**
 * How long jobs of one kind have been taking (exponentially weighted), so the first status poll can
 * wait until just before a job is likely done instead of polling an obviously unfinished job. It
 * starts unknown; 90% of the estimate keeps the first poll on the early side so the estimate does
 * not creep upward from poll overshoot.
 */
final class LearnedDuration {
    private static final double WEIGHT = 0.2;
    private long estimateNanos; // 0 = nothing learned yet

    synchronized void observe(Duration d) {
        long n = Math.max(0, d.toNanos());
        estimateNanos = estimateNanos == 0 ? n : (long) (estimateNanos * (1 - WEIGHT) + n * WEIGHT);
    }

    /** The wait before the first poll: the configured minimum, or 90% of what jobs have taken. */
    synchronized Duration firstPoll(Duration configured) {
        Duration learned = Duration.ofNanos((long) (estimateNanos * 0.9));
        return learned.compareTo(configured) > 0 ? learned : configured;
    }
}
