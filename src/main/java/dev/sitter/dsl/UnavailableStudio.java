package dev.sitter.dsl;

import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The default {@link Studio}: definitions and {@code prompt} work, commands that would generate say they cannot yet. */
final class UnavailableStudio implements Studio {
    private static DslException na(String command) {
        return new DslException("`" + command + "` is not available yet in this build (no Leonardo client or sandbox is wired in);"
                + " run the script with --dry-run to see the exact request it would send").token(command);
    }

    @Override public List<?> generate(PromptSpec spec) { throw na("generate"); }
    @Override public Object refine(Object asset, PromptSpec spec, double strength) { throw na("refine"); }
    @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) { throw na("inpaint"); }
    @Override public Object composite(Object asset, Object from, Path mask, Double denoise, Integer feather) { throw na("composite"); }
    @Override public Object upscale(Object asset, Map<String, Object> options) { throw na("upscale"); }
    @Override public Object removeBackground(Object asset) { throw na("removeBackground"); }
    @Override public Object estimate(PromptSpec spec) { throw na("estimate"); }
    @Override public Object credits() { throw na("credits"); }
    @Override public Object models() { throw na("models"); }
    @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) { throw na("run"); }
}
