package dev.sitter.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One pipeline step as written, e.g. {@code refine strength: 0.35} or {@code export 'png', 'jpg'}.
 *
 * @param name    the step keyword (explore, select, refine, qa, upscale, grade, export, ...)
 * @param options named arguments, sorted by name
 * @param args    positional arguments in the order written (strings and numbers)
 * @param line    the script line that wrote it, for error messages
 */
public record PipelineStep(String name, SortedMap<String, Object> options, List<Object> args, int line) {
    public PipelineStep {
        options = options == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(options));
        args = args == null ? List.of() : List.copyOf(args);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(name);
        String sep = " ";
        for (Object a : args) { sb.append(sep).append(a instanceof String ? "'" + a + "'" : a); sep = ", "; }
        for (var e : options.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ")
              .append(e.getValue() instanceof String ? "'" + e.getValue() + "'" : e.getValue());
            sep = ", ";
        }
        return sb.toString();
    }
}
