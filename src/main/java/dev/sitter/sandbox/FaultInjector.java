package dev.sitter.sandbox;

import dev.sitter.sandbox.render.SplitMix64;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Decides which fault, if any, hits a request. Scripted faults (for tests: "the next POST to
 * /generations resets after the job is made") come first, in the order queued; otherwise a seeded
 * draw over the spec's probabilities, so the same seed and the same request order give the same
 * faults.
 */
public final class FaultInjector {
    private final FaultSpec spec;
    private final SplitMix64 rng;
    private final List<Scripted> scripted = new ArrayList<>();

    private record Scripted(String method, String pathPrefix, Deque<Fault> faults) {}

    FaultInjector(FaultSpec spec, long seed) {
        this.spec = spec;
        this.rng = new SplitMix64(SplitMix64.derive(seed, "faults"));
    }

    /**
     * Queues faults for the next requests whose method matches ({@code null} or "*" for any) and
     * whose API path (e.g. "/generations", "/api/rest/v2/generations", "/cdn") starts with
     * {@code pathPrefix}. One fault is used per matching request.
     */
    public synchronized void script(String method, String pathPrefix, Fault... faults) {
        scripted.add(new Scripted(method == null ? "*" : method, pathPrefix, new ArrayDeque<>(List.of(faults))));
    }

    /** Drops scripted faults that were not used yet. */
    public synchronized void clearScript() {
        scripted.clear();
    }

    synchronized Fault draw(String method, String path, boolean isCreate) {
        for (Scripted s : scripted) {
            if ((s.method.equals("*") || s.method.equalsIgnoreCase(method)) && path.startsWith(s.pathPrefix) && !s.faults.isEmpty()) {
                Fault f = s.faults.poll();
                scripted.removeIf(x -> x.faults.isEmpty());
                return f;
            }
        }
        if (spec.isEmpty()) return null;
        double u = rng.nextDouble();
        double acc = 0;
        for (Map.Entry<Fault, Double> e : spec.probabilities().entrySet()) {
            if (e.getKey().createOnly() && !isCreate) continue;
            acc += e.getValue();
            if (u < acc) return e.getKey();
        }
        return null;
    }
}
