package dev.sitter.repl;

import dev.sitter.leonardo.GenerationBody;
import dev.sitter.leonardo.ImageIds;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Shows an input's value the way a prompt engineer reads it: assets as a table, definitions as the
 * DSL that makes them, compiled requests as the JSON body the API would get, anything else as Groovy
 * prints it. Returns null for "print nothing" (a statement with no value).
 */
final class ResultPrinter {
    private final ReplEngine engine;

    ResultPrinter(ReplEngine engine) { this.engine = engine; }

    String render(Object value) {
        if (value == null) return null;
        if (value instanceof PromptSpec spec) return requestJson(spec);
        if (value instanceof Collection<?> c && !c.isEmpty() && c.stream().allMatch(o -> o instanceof PromptSpec)) {
            StringBuilder sb = new StringBuilder();
            for (Object o : c) sb.append(requestJson((PromptSpec) o)).append('\n');
            return sb.toString().stripTrailing();
        }
        // A pipeline run prints its own summary (steps, picks, where the export went); its images are
        // still the session's assets for /show and /sheet.
        if (value instanceof dev.sitter.studio.PipelineOutcome run) return run.toString().stripTrailing();
        List<AssetView> assets = AssetView.in(value);
        if (!assets.isEmpty()) return AssetTable.render(assets).stripTrailing();
        Optional<String> dsl = engine.dslOf(value);
        if (dsl.isPresent()) return dsl.get().stripTrailing();
        String own = toDsl(value);
        if (own != null) return own.stripTrailing();
        if (value instanceof CharSequence s) return s.toString();
        return InvokerHelper.toString(value);
    }

    /** The exact body that would be sent; uploads not made yet show as placeholders. */
    static String requestJson(PromptSpec spec) {
        return Json.pretty(GenerationBody.of(spec, ImageIds.placeholders()));
    }

    /** A definition object's own {@code toDsl()}, if it has one. */
    private static String toDsl(Object value) {
        try {
            Method m = value.getClass().getMethod("toDsl");
            if (m.getReturnType() != String.class) return null;
            m.setAccessible(true);
            return (String) m.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
