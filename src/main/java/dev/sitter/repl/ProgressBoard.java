package dev.sitter.repl;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.LongSupplier;

/**
 * Counts jobs queued, running, done and failed, and the credits they cost, from {@link ProgressListener}
 * calls; renders the one-line status the console shows while an input runs. Thread-safe.
 */
final class ProgressBoard implements ProgressListener {
    private enum State { QUEUED, RUNNING, DONE, FAILED }

    private final Map<String, State> jobs = new ConcurrentHashMap<>();
    private final DoubleAdder sessionCredits = new DoubleAdder();
    private final LongSupplier clock;
    private volatile long runStart;
    private volatile double runCreditsAtStart;

    ProgressBoard(LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.runStart = nanoClock.getAsLong();
    }

    @Override public void queued(String jobId) { jobs.put(jobId, State.QUEUED); }

    @Override public void started(String jobId) { jobs.put(jobId, State.RUNNING); }

    @Override public void finished(String jobId, double credits) {
        jobs.put(jobId, State.DONE);
        sessionCredits.add(credits);
    }

    @Override public void failed(String jobId, String reason, double credits) {
        jobs.put(jobId, State.FAILED);
        sessionCredits.add(credits);
    }

    /** Marks the start of an input: the status line's time and cost count from here; finished jobs are cleared. */
    void beginRun() {
        jobs.values().removeIf(s -> s == State.DONE || s == State.FAILED);
        runStart = clock.getAsLong();
        runCreditsAtStart = sessionCredits.sum();
    }

    double sessionCredits() { return sessionCredits.sum(); }

    boolean busy() { return jobs.values().stream().anyMatch(s -> s == State.QUEUED || s == State.RUNNING); }

    /** E.g. {@code jobs 1 queued · 2 running · 5 done · 0:12 · 3.40 credits}. */
    String statusLine() {
        long queued = count(State.QUEUED), running = count(State.RUNNING), done = count(State.DONE), failed = count(State.FAILED);
        Duration elapsed = Duration.ofNanos(clock.getAsLong() - runStart);
        StringBuilder sb = new StringBuilder("jobs ").append(queued).append(" queued · ").append(running).append(" running · ")
                .append(done).append(" done");
        if (failed > 0) sb.append(" · ").append(failed).append(" failed");
        sb.append(String.format(Locale.ROOT, " · %d:%02d · %.2f credits", elapsed.toMinutes(), elapsed.toSecondsPart(),
                sessionCredits.sum() - runCreditsAtStart));
        sb.append("   (Ctrl-C: back to the prompt, work goes on)");
        return sb.toString();
    }

    private long count(State s) { return jobs.values().stream().filter(v -> v == s).count(); }
}
