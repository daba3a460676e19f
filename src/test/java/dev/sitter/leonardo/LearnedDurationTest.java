package dev.sitter.leonardo;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class LearnedDurationTest {
    @Test void firstPollFollowsWhatJobsTookButNeverBeforeTheConfiguredMinimum() {
        LearnedDuration d = new LearnedDuration();
        assertEquals(Duration.ofSeconds(3), d.firstPoll(Duration.ofSeconds(3)), "nothing learned yet");
        d.observe(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(9), d.firstPoll(Duration.ofSeconds(3)));
        for (int i = 0; i < 50; i++) d.observe(Duration.ofSeconds(20));
        long ms = d.firstPoll(Duration.ofSeconds(3)).toMillis();
        assertTrue(ms > 17_500 && ms <= 18_000, "tracks a slower service: " + ms);
        for (int i = 0; i < 100; i++) d.observe(Duration.ofMillis(100));
        assertEquals(Duration.ofSeconds(3), d.firstPoll(Duration.ofSeconds(3)), "the configured minimum still holds");
    }
}
