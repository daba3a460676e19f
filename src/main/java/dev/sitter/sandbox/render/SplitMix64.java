package dev.sitter.sandbox.render;

/**
 * The sandbox's own seeded PRNG (Steele, Lea, Flood: SplitMix64). Pure 64-bit integer arithmetic,
 * so the same seed gives the same sequence on every JVM and machine — unlike relying on
 * java.util.Random defaults or hash iteration order.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double range(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** A stateless 64-bit mix of one value: used to derive sub-seeds and per-pixel noise. */
    public static long mix(long v) {
        long z = v + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Derives a seed from a base and a label, so independent streams never share numbers. */
    public static long derive(long base, String label) {
        long h = base;
        for (int i = 0; i < label.length(); i++) {
            h = mix(h ^ label.charAt(i));
        }
        return mix(h);
    }

    /** Hash noise in [0, 1) for a pixel, stable for (x, y, salt). */
    public static double noise(int x, int y, long salt) {
        long h = mix(salt ^ ((long) x << 32) ^ (y & 0xffffffffL));
        return (h >>> 11) * 0x1.0p-53;
    }
}
