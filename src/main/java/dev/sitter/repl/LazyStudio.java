package dev.sitter.repl;

import dev.sitter.dsl.Studio;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens the real Studio (client, sandbox or live, and the library) on the first command that needs
 * it, so the console's first prompt never waits for a server to start and a session that only
 * defines and compiles never opens a socket.
 */
final class LazyStudio implements Studio, AutoCloseable {
    /** A studio and what to close when the console exits. */
    record Opened(Studio studio, AutoCloseable resources) {}

    private final Supplier<Opened> opener;
    private Opened opened;

    LazyStudio(Supplier<Opened> opener) { this.opener = opener; }

    private synchronized Studio studio() {
        if (opened == null) opened = opener.get();
        return opened.studio();
    }

    @Override public synchronized void close() throws Exception {
        if (opened != null && opened.resources() != null) opened.resources().close();
        opened = null;
    }

    @Override public List<?> generate(PromptSpec spec) { return studio().generate(spec); }

    @Override public Object refine(Object asset, PromptSpec spec, double strength) { return studio().refine(asset, spec, strength); }

    @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) {
        return studio().inpaint(asset, mask, spec, strength);
    }

    @Override public Object composite(Object asset, Object from, Path mask, Double denoise, Integer feather) {
        return studio().composite(asset, from, mask, denoise, feather);
    }

    @Override public Object upscale(Object asset, Map<String, Object> options) { return studio().upscale(asset, options); }

    @Override public Object removeBackground(Object asset) { return studio().removeBackground(asset); }

    @Override public Object estimate(PromptSpec spec) { return studio().estimate(spec); }

    @Override public Object credits() { return studio().credits(); }

    @Override public Object models() { return studio().models(); }

    @Override public dev.sitter.pipeline.PipelineEstimate estimateRun(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        return studio().estimateRun(pipeline, spec, options);
    }

    @Override public Object master(String character, Object asset) { return studio().master(character, asset); }

    @Override public Object master(String character) { return studio().master(character); }

    @Override public boolean charges() { return studio().charges(); }

    @Override public long quote(PromptSpec spec) { return studio().quote(spec); }

    @Override public long quote(String command, Object asset, PromptSpec spec, Map<String, Object> options) {
        return studio().quote(command, asset, spec, options);
    }

    /** Nothing is spent through the studio before it opens; asking must not open it. */
    @Override public synchronized java.math.BigDecimal spent() {
        return (opened == null ? java.math.BigDecimal.ZERO : opened.studio().spent()).add(chargedElsewhere);
    }

    /** Kept here, so counting a pack replay's spend does not open a backend. */
    @Override public synchronized void charged(java.math.BigDecimal credits) {
        chargedElsewhere = chargedElsewhere.add(credits);
    }

    private java.math.BigDecimal chargedElsewhere = java.math.BigDecimal.ZERO;

    @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        return studio().runPipeline(pipeline, spec, options);
    }
}
