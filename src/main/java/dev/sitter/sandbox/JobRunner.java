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
 * for at least the configured latency before its work runs.
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

    /** Runs {@code work} after the latency; {@code onError} gets any failure (the job then ends FAILED). */
    void submit(Runnable work, java.util.function.Consumer<Throwable> onError) {
        pool.execute(() -> {
            try {
                if (!latency.isZero()) Thread.sleep(latency.toMillis());
                work.run();
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
