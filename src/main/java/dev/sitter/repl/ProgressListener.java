package dev.sitter.repl;

/**
 * What the generation client tells the console while work runs, for the status line. Calls may come
 * from any thread; implementations must be quick and never throw. The client (or whoever wires it)
 * calls these; the console renders them.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** A job was accepted and is waiting (e.g. a generation request is about to be sent). */
    default void queued(String jobId) {}

    /** The job is running at the API (e.g. the POST returned a generation id and polling began). */
    default void started(String jobId) {}

    /** The job finished; {@code credits} is what it cost, 0 when unknown or free. */
    default void finished(String jobId, double credits) {}

    /** The job failed; {@code credits} is what was spent anyway, if anything. */
    default void failed(String jobId, String reason, double credits) {}
}
