package dev.sitter.repl;

import dev.sitter.dsl.Studio;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Studio that reports each paid command to a {@link ProgressListener} (queued when called,
 * running while it works, done with the credits its assets cost), so the status line counts jobs,
 * time and spend without the client knowing about the console. Finer steps (POST accepted, polling)
 * need the client's own job hooks; see the report in the README's console section.
 */
final class ProgressStudio implements Studio {
    private final Studio delegate;
    private final ProgressListener progress;
    private final AtomicInteger jobs = new AtomicInteger();

    ProgressStudio(Studio delegate, ProgressListener progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    private <T> T track(String what, Supplier<T> call) {
        String id = what + "-" + jobs.incrementAndGet();
        progress.queued(id);
        progress.started(id);
        try {
            T result = call.get();
            progress.finished(id, credits(result));
            return result;
        } catch (RuntimeException | Error e) {
            progress.failed(id, String.valueOf(e.getMessage()), 0);
            throw e;
        }
    }

    private static double credits(Object result) {
        return AssetView.in(result).stream().filter(a -> a.cost() != null).mapToDouble(AssetView::cost).sum();
    }

    @Override public List<?> generate(PromptSpec spec) { return track("generate", () -> delegate.generate(spec)); }

    @Override public Object refine(Object asset, PromptSpec spec, double strength) {
        return track("refine", () -> delegate.refine(asset, spec, strength));
    }

    @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) {
        return track("inpaint", () -> delegate.inpaint(asset, mask, spec, strength));
    }

    @Override public Object composite(Object asset, Object from, Path mask, Double denoise, Integer feather) {
        return track("composite", () -> delegate.composite(asset, from, mask, denoise, feather));
    }

    @Override public Object upscale(Object asset, Map<String, Object> options) { return track("upscale", () -> delegate.upscale(asset, options)); }

    @Override public Object removeBackground(Object asset) { return track("nobg", () -> delegate.removeBackground(asset)); }

    @Override public Object estimate(PromptSpec spec) { return delegate.estimate(spec); }

    @Override public Object credits() { return delegate.credits(); }

    @Override public Object models() { return delegate.models(); }

    @Override public dev.sitter.pipeline.PipelineEstimate estimateRun(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        return delegate.estimateRun(pipeline, spec, options);
    }

    @Override public Object master(String character, Object asset) { return delegate.master(character, asset); }

    @Override public Object master(String character) { return delegate.master(character); }

    @Override public boolean charges() { return delegate.charges(); }

    @Override public long quote(PromptSpec spec) { return delegate.quote(spec); }

    @Override public long quote(String command, Object asset, PromptSpec spec, Map<String, Object> options) {
        return delegate.quote(command, asset, spec, options);
    }

    @Override public java.math.BigDecimal spent() { return delegate.spent(); }

    @Override public void charged(java.math.BigDecimal credits) { delegate.charged(credits); }

    @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        return track("run", () -> delegate.runPipeline(pipeline, spec, options));
    }
}
