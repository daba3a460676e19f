package dev.sitter.pack;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.Studio;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@link Studio} a pack's scripts run against when they are read, not replayed: it records
 * each {@code generate} request and makes nothing. Everything else a Studio can do is refused.
 */
public final class RecordingStudio implements Studio {
    private final List<PromptSpec> requests = new ArrayList<>();

    /** Every request the scripts asked for, in order. */
    public List<PromptSpec> requests() {
        return Collections.unmodifiableList(requests);
    }

    @Override
    public List<?> generate(PromptSpec spec) {
        requests.add(spec);
        return List.of();
    }

    @Override public Object refine(Object asset, PromptSpec spec, double strength) { throw no("refine"); }

    @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) { throw no("inpaint"); }

    @Override public Object composite(Object asset, Object from, Path mask, Double denoise, Integer feather) { throw no("composite"); }

    @Override public Object upscale(Object asset, Map<String, Object> options) { throw no("upscale"); }

    @Override public Object removeBackground(Object asset) { throw no("removeBackground"); }

    @Override public Object estimate(PromptSpec spec) { throw no("estimate"); }

    @Override public Object credits() { throw no("credits"); }

    @Override public Object models() { throw no("models"); }

    @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) { throw no("run"); }

    private static DslException no(String what) {
        return new DslException("`" + what + "` is not available while reading a pack; pack scripts only define and generate");
    }
}
