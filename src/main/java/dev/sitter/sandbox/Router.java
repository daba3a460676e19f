package dev.sitter.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps method + path template ("/generations/{id}") to a handler; literal segments win over parameters. */
final class Router {
    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    record Route(String method, String[] segments, Handler handler, boolean paidCreate, String limitKey) {}

    record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Handler h) {
        routes.add(new Route(method, split(template), h, false, null));
    }

    /** A paid create: counted against its own per-minute limit and eligible for job faults. */
    void addCreate(String method, String template, String limitKey, Handler h) {
        routes.add(new Route(method, split(template), h, true, limitKey));
    }

    /** The route for this request; null when no path matches; a route with null handler when only the method is wrong. */
    Match match(String method, String path) {
        String[] parts = split(path);
        Match best = null;
        int bestLiterals = -1;
        boolean pathMatched = false;
        for (Route r : routes) {
            boolean prefix = r.segments.length > 0 && r.segments[r.segments.length - 1].equals("**");
            if (prefix) {
                int n = r.segments.length - 1;
                if (parts.length <= n) continue;
                boolean same = true;
                for (int i = 0; i < n; i++) if (!r.segments[i].equals(parts[i])) { same = false; break; }
                if (!same) continue;
                pathMatched = true;
                if (r.method.equals(method) && best == null) best = new Match(r, Map.of());
                continue;
            }
            if (r.segments.length != parts.length) continue;
            Map<String, String> params = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < parts.length; i++) {
                String s = r.segments[i];
                if (s.startsWith("{")) params.put(s.substring(1, s.length() - 1), parts[i]);
                else if (s.equals(parts[i])) literals++;
                else { ok = false; break; }
            }
            if (!ok) continue;
            pathMatched = true;
            if (!r.method.equals(method)) continue;
            if (literals > bestLiterals) {
                best = new Match(r, params);
                bestLiterals = literals;
            }
        }
        if (best == null && pathMatched) return new Match(null, Map.of());
        return best;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() ? new String[0] : p.split("/");
    }
}
