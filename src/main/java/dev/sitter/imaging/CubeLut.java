package dev.sitter.imaging;

import java.util.Arrays;

/**
 * A 3D colour lookup table as the Adobe/Resolve {@code .cube} format defines it: {@code size^3} RGB
 * output triples, red index changing fastest, over an input domain (0..1 unless DOMAIN_MIN/MAX say
 * otherwise). {@link #map} interpolates trilinearly between the eight surrounding lattice points.
 * Immutable; safe to share between threads.
 */
public final class CubeLut {
    private final String title;
    private final int size;
    private final float[] domainMin;
    private final float[] domainMax;
    private final float[] table; // (r + g*size + b*size*size) * 3 + channel

    public CubeLut(String title, int size, float[] domainMin, float[] domainMax, float[] table) {
        if (size < 2 || size > CubeParser.MAX_SIZE) {
            throw new IllegalArgumentException("LUT size " + size + " outside 2.." + CubeParser.MAX_SIZE);
        }
        if (table.length != size * size * size * 3) {
            throw new IllegalArgumentException("LUT of size " + size + " needs " + size * size * size * 3 + " values, got " + table.length);
        }
        for (int c = 0; c < 3; c++) {
            if (!(domainMin[c] < domainMax[c])) {
                throw new IllegalArgumentException("LUT domain min must be below max in every channel");
            }
        }
        this.title = title;
        this.size = size;
        this.domainMin = domainMin.clone();
        this.domainMax = domainMax.clone();
        this.table = table.clone();
    }

    /** A LUT whose output at each lattice point is {@code look} applied to that point's colour. */
    public static CubeLut sample(String title, int size, ColourTransform look) {
        float[] table = new float[size * size * size * 3];
        float[] out = new float[3];
        for (int b = 0; b < size; b++) {
            for (int g = 0; g < size; g++) {
                for (int r = 0; r < size; r++) {
                    look.apply((float) r / (size - 1), (float) g / (size - 1), (float) b / (size - 1), out);
                    int i = (r + g * size + b * size * size) * 3;
                    for (int c = 0; c < 3; c++) {
                        table[i + c] = Math.max(0f, Math.min(1f, out[c]));
                    }
                }
            }
        }
        return new CubeLut(title, size, new float[]{0, 0, 0}, new float[]{1, 1, 1}, table);
    }

    /** The identity LUT: maps every colour to itself (up to 8-bit rounding). */
    public static CubeLut identity(int size) {
        return sample("identity", size, (r, g, b, out) -> {
            out[0] = r;
            out[1] = g;
            out[2] = b;
        });
    }

    /** A colour mapping from input RGB (0..1) to output RGB, written into {@code out}. */
    @FunctionalInterface
    public interface ColourTransform {
        void apply(float r, float g, float b, float[] out);
    }

    public String title() {
        return title;
    }

    public int size() {
        return size;
    }

    public float[] domainMin() {
        return domainMin.clone();
    }

    public float[] domainMax() {
        return domainMax.clone();
    }

    /** The output triple stored at lattice point (r, g, b). */
    public float[] entry(int r, int g, int b) {
        int i = (r + g * size + b * size * size) * 3;
        return new float[]{table[i], table[i + 1], table[i + 2]};
    }

    /** Maps a colour (in the LUT's input domain) through the table with trilinear interpolation into {@code out}. */
    public void map(float r, float g, float b, float[] out) {
        float n = size - 1;
        float x = position(r, 0) * n;
        float y = position(g, 1) * n;
        float z = position(b, 2) * n;
        int x0 = Math.min((int) x, size - 2);
        int y0 = Math.min((int) y, size - 2);
        int z0 = Math.min((int) z, size - 2);
        float fx = x - x0, fy = y - y0, fz = z - z0;
        int sx = 3, sy = size * 3, sz = size * size * 3;
        int base = x0 * sx + y0 * sy + z0 * sz;
        for (int c = 0; c < 3; c++) {
            int i = base + c;
            float c00 = lerp(table[i], table[i + sx], fx);
            float c10 = lerp(table[i + sy], table[i + sy + sx], fx);
            float c01 = lerp(table[i + sz], table[i + sz + sx], fx);
            float c11 = lerp(table[i + sz + sy], table[i + sz + sy + sx], fx);
            out[c] = lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
        }
    }

    /** Maps one 8-bit ARGB pixel; alpha passes through untouched, outputs are clamped to 0..255. */
    public int mapArgb(int argb, float[] scratch) {
        float inv = 1f / 255f;
        float r = ((argb >> 16) & 0xff) * inv;
        float g = ((argb >> 8) & 0xff) * inv;
        float b = (argb & 0xff) * inv;
        // Scale 0..1 pixel values into the LUT's domain first.
        map(domainMin[0] + r * (domainMax[0] - domainMin[0]),
                domainMin[1] + g * (domainMax[1] - domainMin[1]),
                domainMin[2] + b * (domainMax[2] - domainMin[2]), scratch);
        return (argb & 0xff000000) | to8(scratch[0]) << 16 | to8(scratch[1]) << 8 | to8(scratch[2]);
    }

    private float position(float v, int channel) {
        float t = (v - domainMin[channel]) / (domainMax[channel] - domainMin[channel]);
        return t <= 0 ? 0 : Math.min(t, 1f);
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    private static int to8(float v) {
        int i = Math.round(v * 255f);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CubeLut other && size == other.size && title.equals(other.title)
                && Arrays.equals(domainMin, other.domainMin) && Arrays.equals(domainMax, other.domainMax)
                && Arrays.equals(table, other.table);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(table) * 31 + size;
    }

    @Override
    public String toString() {
        return "CubeLut[" + title + ", " + size + "^3]";
    }
}
