package dev.sitter.leonardo;

import java.time.Duration;
import java.time.Instant;

/**
 * When a job was sent, seen complete and fully downloaded, and how many status polls it took.
 * {@code completed} is when Sitter saw COMPLETE (up to one poll interval after Leonardo finished).
 */
public record Timing(Instant submitted, Instant completed, Instant downloaded, int polls) {
    public Duration total() { return Duration.between(submitted, downloaded); }
}
