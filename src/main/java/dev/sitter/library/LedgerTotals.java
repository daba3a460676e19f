package dev.sitter.library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums of the ledger grouped by character, model or day: count, render cost per unit, and final prices. */
public final class LedgerTotals {
    /** One group's totals; {@code cost} maps each cost unit to its sum (credits and dollars never mix). */
    public record Total(String key, int assets, Map<String, BigDecimal> cost, BigDecimal priced, int pricedAssets) {}

    private LedgerTotals() {}

    public static List<Total> by(List<Ledger.Row> rows, Function<Ledger.Row, String> key) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> costs = new TreeMap<>();
        Map<String, BigDecimal> prices = new TreeMap<>();
        Map<String, int[]> priced = new TreeMap<>();
        for (Ledger.Row r : rows) {
            String k = key.apply(r);
            if (k == null || k.isEmpty()) k = "(none)";
            counts.computeIfAbsent(k, x -> new int[1])[0]++;
            Map<String, BigDecimal> c = costs.computeIfAbsent(k, x -> new TreeMap<>());
            if (!r.renderCost().isEmpty()) {
                c.merge(r.costUnit().isEmpty() ? "?" : r.costUnit(), decimal(r.renderCost()), BigDecimal::add);
            }
            if (!r.finalAssetPrice().isEmpty()) {
                prices.merge(k, decimal(r.finalAssetPrice()), BigDecimal::add);
                priced.computeIfAbsent(k, x -> new int[1])[0]++;
            }
        }
        return counts.keySet().stream().map(k -> new Total(k, counts.get(k)[0], costs.get(k),
                prices.getOrDefault(k, BigDecimal.ZERO), priced.containsKey(k) ? priced.get(k)[0] : 0)).toList();
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new LibraryException("ledger.csv holds '" + s + "' where a number belongs; fix that cell.");
        }
    }
}
