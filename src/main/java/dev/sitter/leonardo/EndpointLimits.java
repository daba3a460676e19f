package dev.sitter.leonardo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sliding rate window per paid endpoint: Leonardo allows 100 creates per minute on each of
 * /v1/generations, /v2/generations and every /v1/variations/* endpoint.
 */
final class EndpointLimits {
    private final int perMinute;
    private final Map<String, RateWindow> buckets = new ConcurrentHashMap<>();

    EndpointLimits(int perMinute) { this.perMinute = perMinute; }

    RateWindow forEndpoint(String endpoint) {
        return buckets.computeIfAbsent(endpoint, e -> new RateWindow(perMinute));
    }
}
