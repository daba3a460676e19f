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

    record Result(List<Item> items, String summary) {}
}
