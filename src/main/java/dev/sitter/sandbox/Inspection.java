package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

/**
 * The sandbox-only view outside the API path: {@code GET /_sandbox/requests} (what was sent),
 * {@code GET /_sandbox/jobs} (what was made and charged) and {@code GET /_sandbox} (balance and
 * counts). Tests use it to assert, for example, that no paid POST was sent twice.
 */
final class Inspection {
    private final Services s;
    private final RequestLog log;

    Inspection(Services s, RequestLog log) {
        this.s = s;
        this.log = log;
    }

    Reply handle(String method, String path) {
        if (!method.equals("GET")) return Reply.json(405, SandboxServer.errorBody("inspection endpoints are read-only (GET)"));
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return switch (p) {
            case "/_sandbox" -> Reply.json(summary());
            case "/_sandbox/requests" -> Reply.json(log.toJson());
            case "/_sandbox/jobs" -> Reply.json(jobs());
            default -> Reply.json(404, SandboxServer.errorBody("unknown inspection path; try /_sandbox/requests or /_sandbox/jobs"));
        };
    }

    private ObjectNode summary() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("baseUrl", s.origin.get() + SandboxServer.V1);
        n.put("v2BaseUrl", s.origin.get() + SandboxServer.V2);
        n.put("credits", s.store.credits());
        n.put("unfinishedJobs", s.store.unfinished());
        n.put("requests", log.entries().size());
        return n;
    }

    ArrayNode jobs() {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        synchronized (s.store) {
            for (Records.Generation g : s.store.generations.values()) {
                ObjectNode n = arr.addObject();
                n.put("id", g.id);
                n.put("kind", g.request.v2() ? "v2-generation" : "generation");
                n.put("status", g.status.name());
                n.put("cost", g.cost);
                n.put("refunded", g.status == Records.Status.FAILED);
                n.put("createdAt", g.createdAt);
                n.put("seed", g.seed);
                n.put("images", g.images.size());
                n.put("drift", g.drift);
                if (g.failure != null) n.put("failure", g.failure);
            }
            for (Records.Variation v : s.store.variations.values()) {
                ObjectNode n = arr.addObject();
                n.put("id", v.id);
                n.put("kind", v.transformType.toLowerCase());
                n.put("status", v.status.name());
                n.put("cost", v.cost);
                n.put("refunded", v.status == Records.Status.FAILED);
                n.put("createdAt", v.createdAt);
                n.put("source", v.sourceId);
            }
        }
        return arr;
    }
}
