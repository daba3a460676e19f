package dev.sitter.sandbox;

import dev.sitter.sandbox.render.SplitMix64;

import java.util.regex.Pattern;

/** Version-4-shaped UUIDs from the sandbox's seeded PRNG, so a replayed session gets the same ids. */
final class Ids {
    /** The spec's id pattern, anchored. */
    static final Pattern UUID = Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89aAbB][a-f0-9]{3}-[a-f0-9]{12}");

    private final SplitMix64 rng;

    Ids(long seed) {
        rng = new SplitMix64(SplitMix64.derive(seed, "ids"));
    }

    synchronized String next() {
        long hi = rng.nextLong(), lo = rng.nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String h = String.format("%016x%016x", hi, lo);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    synchronized long nextSeed() {
        // Leonardo's non-Flux seed range is up to 9999999998; stay well inside it.
        return (rng.nextLong() >>> 1) % 2_147_483_000L;
    }

    static boolean isUuid(String s) {
        return s != null && UUID.matcher(s).matches();
    }
}
