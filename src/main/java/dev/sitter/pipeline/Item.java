package dev.sitter.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One image travelling through a run: its id, where its bytes are in the run folder, the id of the
 * image it was made from (null for explore results), its drift score once computed, and the QA
 * verdicts recorded for it (check text -> pass).
 */
public record Item(String id, Path file, String parentId, Double drift, Map<String, Boolean> qa) {
    public Item {
        qa = qa == null ? Map.of() : Map.copyOf(new TreeMap<>(qa));
    }

    public Item withDrift(double score) {
        return new Item(id, file, parentId, score, qa);
    }

    public Item withQa(Map<String, Boolean> verdicts) {
        return new Item(id, file, parentId, drift, verdicts);
    }

    public boolean passedQa() {
        return !qa.containsValue(Boolean.FALSE);
    }
}
