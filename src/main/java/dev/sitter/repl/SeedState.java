package dev.sitter.repl;

import java.util.OptionalLong;
import java.util.Random;

/**
 * The console's seed memory: the last generation (its source and the seed it used) and the locked
 * seed, if any. Turns {@code /next}, {@code /prev}, {@code /random}, {@code /sweep} and the lock into
 * new sources for the engine (see {@link SeedTweaks}).
 */
final class SeedState {
    /** Leonardo's seeds are non-negative 32-bit integers; stay inside every model's range. */
    static final long MAX_SEED = 2_147_483_637L;

    private final Random random;
    private String lastGeneration;
    private Long lastSeed;
    private Long locked;

    SeedState(Random random) { this.random = random; }

    synchronized void lock(long seed) { locked = seed; }

    synchronized void unlock() { locked = null; }

    synchronized OptionalLong locked() { return locked == null ? OptionalLong.empty() : OptionalLong.of(locked); }

    /** Applies the lock to a typed input: a generating command gets the locked seed; anything else is unchanged. */
    synchronized String applyLock(String source) {
        if (locked == null || !SeedTweaks.isGeneration(source)) return source;
        OptionalLong s = SeedTweaks.seedOf(source);
        return s.isPresent() && s.getAsLong() == locked ? source : SeedTweaks.withSeed(source, locked);
    }

    /**
     * Remembers a successful generating input and the seed it ran with: its literal {@code seed:},
     * else the seed read from its result.
     */
    synchronized void remember(String source, Long seedFromResult) {
        if (!SeedTweaks.isGeneration(source)) return;
        lastGeneration = source;
        OptionalLong literal = SeedTweaks.seedOf(source);
        lastSeed = literal.isPresent() ? Long.valueOf(literal.getAsLong()) : seedFromResult;
    }

    synchronized String lastGeneration() { return lastGeneration; }

    /** The last generation with seed + delta, e.g. {@code /next} is +1. */
    synchronized String shifted(long delta) {
        requireLast();
        if (lastSeed == null) {
            throw new IllegalStateException("the last generation's seed is unknown (it had no seed: and its result did not say); "
                    + "use /random or /seed lock N to pick one");
        }
        long next = Math.floorMod(lastSeed + delta, MAX_SEED + 1);
        return SeedTweaks.withSeed(lastGeneration, next);
    }

    synchronized String randomized() {
        requireLast();
        return SeedTweaks.withSeed(lastGeneration, (long) (random.nextDouble() * MAX_SEED));
    }

    private void requireLast() {
        if (lastGeneration == null) {
            throw new IllegalStateException("no generation to re-run yet: type one first, e.g. generate mara, template: 'canonical', seed: 4242");
        }
        if (locked != null) {
            throw new IllegalStateException("the seed is locked to " + locked + "; /seed unlock first");
        }
    }
}
