package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The job a paid create started: its id and cost, found defensively in the answer. Leonardo's own
 * spec disagrees with itself (example {@code sdUpscalerjob}, schema {@code sdUpscaleJob}) and v2
 * answers {@code {"generate":{"generationId"}}}, so known wrapper names are tried case-insensitively,
 * then any object child carrying the id field.
 */
record JobRef(String id, Cost cost) {

    static JobRef find(JsonNode root, List<String> wrappers, String idField) {
        if (root == null || !root.isObject()) return null;
        for (String w : wrappers) {
            JsonNode job = childIgnoreCase(root, w);
            JobRef r = from(job, idField);
            if (r != null) return r;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            JobRef r = from(it.next().getValue(), idField);
            if (r != null) return r;
        }
        return from(root, idField);
    }

    private static JobRef from(JsonNode job, String idField) {
        if (job == null || !job.isObject()) return null;
        String id = GenerationView.str(job, idField);
        if (id == null && !idField.equals("id")) id = GenerationView.str(job, "id");
        return id == null || id.isBlank() ? null : new JobRef(id, Cost.from(job));
    }

    private static JsonNode childIgnoreCase(JsonNode root, String name) {
        JsonNode exact = root.get(name);
        if (exact != null) return exact;
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) return root.get(f);
        }
        return null;
    }
}
