package dev.sitter.sandbox;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A parsed {@code --faults} spec: comma-separated {@code name:probability} pairs, e.g.
 * {@code "429:0.1,500:0.05,reset-after:0.02,drift:0.1"}. Each request draws at most one fault;
 * probabilities of the faults that apply to one request must sum to at most 1.
 */
public record FaultSpec(Map<Fault, Double> probabilities) {

    public static final FaultSpec NONE = new FaultSpec(Map.of());

    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) return NONE;
        Map<Fault, Double> m = new EnumMap<>(Fault.class);
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            int colon = part.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("fault '" + part.trim() + "' needs a probability, e.g. '" + part.trim() + ":0.05'");
            }
            Fault f = Fault.fromSpec(part.substring(0, colon));
            double p;
            try {
                p = Double.parseDouble(part.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + part.trim() + "': probability must be a number between 0 and 1");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("fault '" + part.trim() + "': probability must be between 0 and 1");
            }
            m.merge(f, p, Double::sum);
        }
        double all = m.values().stream().mapToDouble(Double::doubleValue).sum();
        if (all > 1 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to " + all + "; they must add up to at most 1");
        }
        return new FaultSpec(Collections.unmodifiableMap(m));
    }

    public boolean isEmpty() {
        return probabilities.isEmpty();
    }
}
