package dev.sitter.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;
import dev.sitter.model.Provenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-by-field differences between two records: what changed in the recipe and the result,
 * as dotted paths ({@code request.seed}, {@code request.references[0].strengthType}).
 * Fields that always differ between two assets (ids, file hashes, times) are left out unless asked.
 */
public final class RecordDiff {
    /** One difference; a value is null when the field is absent on that side. */
    public record Change(String path, String left, String right) {}

    private static final Set<String> BOOKKEEPING = Set.of("assetId", "files", "times", "leonardo.imageId");

    private RecordDiff() {}

    public static List<Change> diff(Provenance a, Provenance b, boolean includeBookkeeping) {
        Map<String, String> left = flatten(a), right = flatten(b);
        Set<String> paths = new LinkedHashSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<Change> out = new ArrayList<>();
        for (String p : paths) {
            if (!includeBookkeeping && isBookkeeping(p)) continue;
            String l = left.get(p), r = right.get(p);
            if (l == null ? r != null : !l.equals(r)) out.add(new Change(p, l, r));
        }
        return out;
    }

    private static boolean isBookkeeping(String path) {
        for (String b : BOOKKEEPING) if (path.equals(b) || path.startsWith(b + ".") || path.startsWith(b + "[")) return true;
        return false;
    }

    static Map<String, String> flatten(Provenance p) {
        Map<String, String> out = new LinkedHashMap<>();
        walk("", Json.tree(Json.compact(p)), out);
        return out;
    }

    private static void walk(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            if (n.isEmpty()) out.put(path, "[]");
            for (int i = 0; i < n.size(); i++) walk(path + "[" + i + "]", n.get(i), out);
        } else if (!n.isNull()) {
            out.put(path, n.isTextual() ? n.asText() : n.toString());
        }
    }
}
