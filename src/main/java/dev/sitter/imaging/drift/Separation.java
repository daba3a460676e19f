package dev.sitter.imaging.drift;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well drift scores tell faithful renders from drifted ones: ROC AUC (the chance that a random
 * drifted image scores worse than a random faithful one), each class's range, and the threshold
 * with the best balanced accuracy. Used by the drift benchmark and to calibrate the weights.
 */
public record Separation(double auc, double faithfulMin, double faithfulMax, double faithfulMean,
                         double driftedMin, double driftedMax, double driftedMean,
                         double threshold, double faithfulBelow, double driftedAbove, int faithfulCount, int driftedCount) {

    public static Separation of(List<Double> faithful, List<Double> drifted) {
        if (faithful.isEmpty() || drifted.isEmpty()) {
            throw new IllegalArgumentException("need scores of both classes");
        }
        double[] f = faithful.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] d = drifted.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // AUC by counting pairs (ties count half); n*m is small (a few hundred squared).
        double wins = 0;
        for (double dv : d) {
            for (double fv : f) {
                wins += dv > fv ? 1 : dv == fv ? 0.5 : 0;
            }
        }
        double auc = wins / ((double) f.length * d.length);
        // Threshold: try midpoints between consecutive distinct scores, keep the best balanced accuracy.
        double[] all = new double[f.length + d.length];
        System.arraycopy(f, 0, all, 0, f.length);
        System.arraycopy(d, 0, all, f.length, d.length);
        Arrays.sort(all);
        double bestT = all[0];
        double bestAcc = -1, bestF = 0, bestD = 0;
        for (int i = 0; i + 1 < all.length; i++) {
            double t = (all[i] + all[i + 1]) / 2;
            double fBelow = fraction(f, t, true);
            double dAbove = fraction(d, t, false);
            double acc = (fBelow + dAbove) / 2;
            if (acc > bestAcc) {
                bestAcc = acc;
                bestT = t;
                bestF = fBelow;
                bestD = dAbove;
            }
        }
        return new Separation(auc, f[0], f[f.length - 1], mean(f), d[0], d[d.length - 1], mean(d),
                bestT, bestF, bestD, f.length, d.length);
    }

    private static double fraction(double[] sorted, double t, boolean below) {
        int n = 0;
        for (double v : sorted) {
            if (below ? v < t : v > t) {
                n++;
            }
        }
        return (double) n / sorted.length;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Does every drifted score lie above every faithful one? */
    public boolean perfectlySeparated() {
        return driftedMin > faithfulMax;
    }

    public String report() {
        return String.format(Locale.ROOT,
                "AUC %.4f | faithful n=%d min %.3f mean %.3f max %.3f | drifted n=%d min %.3f mean %.3f max %.3f"
                        + " | threshold %.3f: %.1f%% faithful below, %.1f%% drifted above",
                auc, faithfulCount, faithfulMin, faithfulMean, faithfulMax, driftedCount, driftedMin, driftedMean, driftedMax,
                threshold, 100 * faithfulBelow, 100 * driftedAbove);
    }
}
