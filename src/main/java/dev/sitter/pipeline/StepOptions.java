package dev.sitter.pipeline;

import dev.sitter.model.PipelineStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed access to a step's options as written, with errors that name the pipeline, the script
 * line, the option and the fix. Unknown options are refused (a typo like {@code strenght:} must
 * not silently run with the default).
 */
final class StepOptions {
    private final String pipeline;
    private final PipelineStep step;

    StepOptions(String pipeline, PipelineStep step, Set<String> known) {
        this.pipeline = pipeline;
        this.step = step;
        for (String name : step.options().keySet()) {
            if (!known.contains(name)) {
                throw error(name + ": is not an option of " + step.name(), "use " + (known.isEmpty() ? "no options" : String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    PipelineException error(String problem, String fix) {
        return new PipelineException("pipeline '" + pipeline + "'" + (step.line() > 0 ? " line " + step.line() : "") + ", step "
                + step.name() + ": " + problem + ". Fix: " + fix + ".");
    }

    /** Where the step is written, e.g. "pipeline 'pack' line 3, step select", for questions to the user. */
    String where() {
        return "pipeline '" + pipeline + "'" + (step.line() > 0 ? " line " + step.line() : "") + ", step " + step.name();
    }

    /** A message that already names its fix (e.g. a LUT file's own error), prefixed with where in the pipeline it happened. */
    PipelineException located(String message) {
        return new PipelineException("pipeline '" + pipeline + "'" + (step.line() > 0 ? " line " + step.line() : "") + ", step "
                + step.name() + ": " + message);
    }

    String stepName() {
        return step.name();
    }

    boolean has(String name) {
        return step.options().containsKey(name);
    }

    int integer(String name, int fallback, int min, int max) {
        Object v = step.options().get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            long l = n.longValue();
            if (l >= min && l <= max) {
                return (int) l;
            }
        }
        throw error(name + ": " + v + " is not a whole number in " + min + ".." + max, "write e.g. " + name + ": " + Math.max(min, Math.min(max, fallback)));
    }

    Integer optionalInteger(String name, int min, int max) {
        return has(name) ? integer(name, min, min, max) : null;
    }

    double decimal(String name, Double fallback, double min, double max) {
        Object v = step.options().get(name);
        if (v == null) {
            if (fallback == null) {
                throw error(name + ": is required", "write e.g. " + name + ": " + String.format(Locale.ROOT, "%.2f", (min + max) / 2));
            }
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        throw error(name + ": " + v + " is not a number in " + min + ".." + max, "write e.g. " + name + ": "
                + String.format(Locale.ROOT, "%.2f", (min + max) / 2));
    }

    String text(String name, String fallback) {
        Object v = step.options().get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        throw error(name + ": " + v + " is not a text", "write it in quotes, e.g. " + name + ": '" + (fallback == null ? "value" : fallback) + "'");
    }

    boolean flag(String name) {
        Object v = step.options().get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw error(name + ": " + v + " is not true or false", "write " + name + ": true");
    }

    /** {@code 'WIDTHxHEIGHT'}, each a multiple of 8 in 32..2048 (Leonardo's generation limits). */
    int[] size(String name, int[] fallback) {
        Object v = step.options().get(name);
        if (v == null) {
            return fallback;
        }
        String s = String.valueOf(v).toLowerCase(Locale.ROOT).strip();
        String[] parts = s.split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].strip());
                int h = Integer.parseInt(parts[1].strip());
                if (w >= 32 && h >= 32 && w <= 2048 && h <= 2048 && w % 8 == 0 && h % 8 == 0) {
                    return new int[]{w, h};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(name + ": '" + v + "' is not a size WIDTHxHEIGHT with multiples of 8 in 32..2048", "write e.g. " + name + ": '512x768'");
    }

    /** Whole numbers from a list option, e.g. {@code pick: [1, 3]}. */
    List<Integer> integers(String name) {
        Object v = step.options().get(name);
        List<Integer> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 1) {
                    out.add(n.intValue());
                } else {
                    out = null;
                    break;
                }
            }
        } else if (v instanceof Number n && n.intValue() >= 1) {
            out.add(n.intValue());
        } else {
            out = null;
        }
        if (out == null || out.isEmpty()) {
            throw error(name + ": " + v + " is not a list of image numbers", "write e.g. " + name + ": [1, 3] (numbers as on the contact sheet)");
        }
        return out;
    }

    /** Positional text arguments, e.g. the checks of {@code qa} or the formats of {@code export}. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Object a : step.args()) {
            if (!(a instanceof String s) || s.isBlank()) {
                throw error("'" + a + "' is not a text", "write each value in quotes");
            }
            out.add(s);
        }
        return out;
    }
}
