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

    Reply handle(String method, String path, byte[] body) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (method.equals("POST") && p.equals("/_sandbox/faults")) return scriptFaults(body);
        if (!method.equals("GET")) {
            return Reply.json(405, SandboxServer.errorBody("inspection endpoints are GET only (except POST /_sandbox/faults)"));
        }
        return switch (p) {
            case "/_sandbox" -> Reply.json(summary());
            case "/_sandbox/requests" -> Reply.json(log.toJson());
            case "/_sandbox/jobs" -> Reply.json(jobs());
            default -> Reply.json(404, SandboxServer.errorBody("unknown inspection path; try /_sandbox/requests or /_sandbox/jobs"));
        };
    }

    /**
     * {@code POST /_sandbox/faults} with {@code {"method": "POST", "path": "/generations", "faults": ["reset-after", "429"]}}
     * scripts faults for the next matching requests, for tests that drive a sandbox from another process.
     */
    private Reply scriptFaults(byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(body);
            String path = n.path("path").asText(null);
            if (path == null || !n.path("faults").isArray() || n.path("faults").isEmpty()) {
                return Reply.json(400, SandboxServer.errorBody("expected {\"method\": \"POST\", \"path\": \"/generations\", \"faults\": [\"reset-after\"]}"));
            }
            java.util.List<Fault> faults = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode f : n.path("faults")) faults.add(Fault.fromSpec(f.asText()));
            s.faults.script(n.path("method").asText("*"), path, faults.toArray(new Fault[0]));
            ObjectNode ok = Json.MAPPER.createObjectNode();
            ok.put("scripted", faults.size());
            return Reply.json(ok);
        } catch (IllegalArgumentException e) {
            return Reply.json(400, SandboxServer.errorBody(e.getMessage()));
        } catch (java.io.IOException e) {
            return Reply.json(400, SandboxServer.errorBody("the body is not JSON"));
        }
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
