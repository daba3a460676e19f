package dev.sitter.pipeline;

import java.util.List;

/** One kind of pipeline step: turns the run's current set of images into the next. */
interface Step {
    /**
     * @param key     stable key of this step in this run (journal and op keys derive from it)
     * @param options the step's options as written, typed
     * @param in      the images coming in
     * @return the images going out, and a one-line summary for the report
     */
    Result run(RunContext ctx, String key, StepOptions options, List<Item> in);

    /**
     * Checks the options as far as possible without images, so a mistake anywhere in the pipeline
     * stops the run before the first paid step; throws the same errors {@link #run} would.
     */
    void check(RunContext ctx, StepOptions options);

    record Result(List<Item> items, String summary) {}
}
