package dev.sitter.leonardo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per paid endpoint: Leonardo allows 100 creates per minute on each of
 * /v1/generations, /v2/generations and every /v1/variations/* endpoint.
 */
final class EndpointLimits {
    private final int perMinute;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    EndpointLimits(int perMinute) { this.perMinute = perMinute; }

    TokenBucket forEndpoint(String endpoint) {
        return buckets.computeIfAbsent(endpoint, e -> new TokenBucket(perMinute));
    }
}
