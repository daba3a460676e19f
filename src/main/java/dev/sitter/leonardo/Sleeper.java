package dev.sitter.leonardo;

import java.time.Duration;

/** Waits; a seam so tests can record the waits the client chose instead of waiting them out. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper REAL = d -> {
        if (!d.isZero() && !d.isNegative()) Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    };
}
