package dev.sitter.sandbox;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs like Leonardo's queue: at most {@code concurrency} at once, the rest wait their turn
 * (they are queued, not refused; the queue limit is enforced at admission). Each job is PENDING
 * for at least the configured latency; its rendering happens during that time.
 */
final class JobRunner implements AutoCloseable {
    private final ExecutorService pool;
    private final Duration latency;

    JobRunner(int concurrency, Duration latency) {
        this.latency = latency;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sandbox-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A job in two parts, as Leonardo's latency includes the render: {@link #prepare()} does the slow
     * work at once and returns what publishes the result, which runs when the latency is over. A job
     * thus takes max(latency, render time), not their sum.
     */
    @FunctionalInterface
    interface Job {
        Runnable prepare();
    }

    /** Runs {@code job}; {@code onError} gets any failure (the job then ends FAILED). */
    void submit(Job job, java.util.function.Consumer<Throwable> onError) {
        pool.execute(() -> {
            long start = System.nanoTime();
            try {
                Runnable publish = job.prepare();
                long left = latency.toNanos() - (System.nanoTime() - start);
                if (left > 0) TimeUnit.NANOSECONDS.sleep(left);
                publish.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                onError.accept(e);
            } catch (Throwable t) {
                onError.accept(t);
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
