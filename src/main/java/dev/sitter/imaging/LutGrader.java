package dev.sitter.imaging;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one {@link CubeLut} to images. The same LUT object and the same arithmetic are used for
 * every image of a set, so a set graded together matches; alpha is carried over unchanged.
 */
public final class LutGrader {
    private LutGrader() {}

    /** A graded copy of {@code image}; the input is not modified. */
    public static BufferedImage apply(CubeLut lut, BufferedImage image) {
        int[] px = Images.pixels(image).clone();
        float[] scratch = new float[3];
        for (int i = 0; i < px.length; i++) {
            px[i] = lut.mapArgb(px[i], scratch);
        }
        return Images.fromPixels(px, image.getWidth(), image.getHeight());
    }

    /**
     * Grades every input into {@code outDir} as PNG ({@code <name>.png}, name without extension).
     * Refuses before writing anything when two inputs would land on the same output file or an
     * output would overwrite an input, so a set is never half-graded over its originals.
     *
     * @return the written files, in input order
     */
    public static List<Path> gradeAll(CubeLut lut, List<Path> inputs, Path outDir) {
        List<Path> outputs = new ArrayList<>();
        Map<Path, Path> claimed = new HashMap<>();
        for (Path in : inputs) {
            Path out = outDir.resolve(baseName(in) + ".png");
            Path key = out.toAbsolutePath().normalize();
            Path previous = claimed.putIfAbsent(key, in);
            if (previous != null) {
                throw new ImagingException("cannot grade " + in + " and " + previous + " into the same file " + out
                        + ". Fix: give the images distinct names or grade them into separate folders.");
            }
            outputs.add(out);
        }
        for (Path in : inputs) {
            Path key = in.toAbsolutePath().normalize();
            if (claimed.containsKey(key) || (Files.exists(in) && claimed.keySet().stream().anyMatch(k -> sameFile(k, in)))) {
                throw new ImagingException("grading " + in + " into " + outDir + " would overwrite the original. "
                        + "Fix: choose another output folder (e.g. " + outDir.resolve("graded") + ").");
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            Images.writePng(apply(lut, Images.read(inputs.get(i))), outputs.get(i));
        }
        return outputs;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
