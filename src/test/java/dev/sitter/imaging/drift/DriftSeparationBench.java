package dev.sitter.imaging.drift;

import dev.sitter.imaging.Images;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark: drift score separation between faithful and drifted sandbox renders, per style and
 * overall, plus the scoring cost. Run with {@code bench/drift-separation.sh [perClass] [width height]
 * [seedBase] [csv]}; defaults: 8 characters x 4 styles x (3 anchors + 6 faithful + 6 drifted) at
 * 512x768 = 480 renders.
 */
public final class DriftSeparationBench {
    public static void main(String[] args) throws Exception {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int width = args.length > 2 ? Integer.parseInt(args[1]) : 512;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 768;
        long seedBase = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        List<String> characters = SandboxRenders.CHARACTERS;
        List<String> styles = SandboxRenders.STYLES;
        System.out.printf(Locale.ROOT, "drift separation: %d characters x %d styles, 3 anchors + %d faithful + %d drifted each, %dx%d, seeds from %d%n",
                characters.size(), styles.size(), perClass, perClass, width, height, seedBase);
        System.out.println("weights " + DriftWeights.DEFAULT);
        String csv = args.length > 4 ? args[4] : null;
        report("same style (anchors in the candidates' style)", null, perClass, width, height, seedBase, csv == null ? null : csv + ".same");
        report("cross style (anchors: " + SandboxRenders.NEUTRAL_ANCHOR_STYLE + ")", SandboxRenders.NEUTRAL_ANCHOR_STYLE,
                perClass, width, height, seedBase, csv == null ? null : csv + ".cross");
        decodeAndScoreSpeed(width, height);
    }

    private static void report(String title, String anchorStyle, int perClass, int width, int height, long seedBase, String csv)
            throws Exception {
        List<String> styles = SandboxRenders.STYLES;
        long t0 = System.nanoTime();
        SandboxRenders.Scores scores;
        try (SandboxRenders renders = new SandboxRenders(width, height)) {
            scores = renders.run(SandboxRenders.CHARACTERS, styles, anchorStyle, 3, perClass, seedBase);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.println("== " + title);
        System.out.println("ALL          " + Separation.of(scores.all(scores.faithful()), scores.all(scores.drifted())).report());
        for (String style : styles) {
            System.out.printf(Locale.ROOT, "%-12s %s%n", style.split(" ")[0],
                    Separation.of(scores.faithful().get(style), scores.drifted().get(style)).report());
        }
        // What automatic QA does with them at the pipeline's default threshold.
        double qa = dev.sitter.pipeline.PipelineRunner.DEFAULT_QA_DRIFT;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "at QA threshold %.2f (faithful pass / drifted fail):", qa));
        line.append(String.format(Locale.ROOT, " all %s", qaRates(scores.all(scores.faithful()), scores.all(scores.drifted()), qa)));
        for (String style : styles) {
            line.append(String.format(Locale.ROOT, ", %s %s", style.split(" ")[0],
                    qaRates(scores.faithful().get(style), scores.drifted().get(style), qa)));
        }
        System.out.println(line);
        System.out.printf(Locale.ROOT, "%d images; features+score %.1f ms/image (decode excluded); wall %.1f s including sandbox rendering%n",
                scores.images(), scores.featureNanos() / 1e6 / scores.images(), wall);
        if (csv != null) {
            try (PrintWriter out = new PrintWriter(csv, "UTF-8")) {
                int i = 0;
                for (DriftComponents c : scores.faithfulComponents()) {
                    out.println("0," + styleOf(i++, perClass) + "," + csv(c));
                }
                i = 0;
                for (DriftComponents c : scores.driftedComponents()) {
                    out.println("1," + styleOf(i++, perClass) + "," + csv(c));
                }
            }
        }
    }

    private static String qaRates(List<Double> faithful, List<Double> drifted, double threshold) {
        long pass = faithful.stream().filter(d -> d <= threshold).count();
        long fail = drifted.stream().filter(d -> d > threshold).count();
        return String.format(Locale.ROOT, "%.1f%% / %.1f%%", 100.0 * pass / faithful.size(), 100.0 * fail / drifted.size());
    }

    /** Components are recorded style by style, character by character, perClass each. */
    private static int styleOf(int index, int perClass) {
        return index / (perClass * SandboxRenders.CHARACTERS.size());
    }

    private static String csv(DriftComponents c) {
        return c.dHash() + "," + c.pHash() + "," + c.faceColour() + "," + c.layout() + "," + c.edges() + ","
                + c.regionColour() + "," + c.texture() + "," + c.tone();
    }

    /** Scoring cost for a PNG file on disk, decode included, as the select step pays it. */
    private static void decodeAndScoreSpeed(int width, int height) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("drift-bench");
        try (SandboxRenders renders = new SandboxRenders(width, height)) {
            BufferedImage img = renders.render(SandboxRenders.CHARACTERS.get(0) + ", photoreal portrait", 77, false);
            Path file = dir.resolve("p.png");
            Images.writePng(img, file);
            DriftScorer scorer = new DriftScorer(List.of(FeatureExtractor.of(img)), DriftWeights.DEFAULT);
            for (int i = 0; i < 20; i++) {
                scorer.score(file); // warm-up
            }
            int n = 100;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                scorer.score(file);
            }
            System.out.printf(Locale.ROOT, "score a %dx%d PNG from disk (decode + features + score): %.1f ms/image, one thread%n",
                    width, height, (System.nanoTime() - t0) / 1e6 / n);
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            dir.toFile().delete();
        }
    }
}
