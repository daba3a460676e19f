package dev.sitter.imaging;

import java.util.Locale;

/** Writes a {@link CubeLut} as {@code .cube} text that {@link CubeParser} and Resolve/Photoshop read back. */
public final class CubeWriter {
    private CubeWriter() {}

    /** The file text; {@code comment} lines (may be empty) go first as {@code #} comments. */
    public static String write(CubeLut lut, String... comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment) {
            out.append("# ").append(line).append('\n');
        }
        out.append("TITLE \"").append(lut.title().replace('"', '\'')).append("\"\n");
        out.append("LUT_3D_SIZE ").append(lut.size()).append('\n');
        float[] min = lut.domainMin();
        float[] max = lut.domainMax();
        out.append(String.format(Locale.ROOT, "DOMAIN_MIN %.1f %.1f %.1f%n", min[0], min[1], min[2]).replace(System.lineSeparator(), "\n"));
        out.append(String.format(Locale.ROOT, "DOMAIN_MAX %.1f %.1f %.1f%n", max[0], max[1], max[2]).replace(System.lineSeparator(), "\n"));
        int n = lut.size();
        for (int b = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    float[] e = lut.entry(r, g, b);
                    out.append(String.format(Locale.ROOT, "%.6f %.6f %.6f", e[0], e[1], e[2])).append('\n');
                }
            }
        }
        return out.toString();
    }
}
