package dev.sitter.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent file writes and fsyncs at the same time. An fsync mostly waits for the disk,
 * and a disk completes several concurrent flushes in about the time of one, so forcing four
 * files in parallel costs about one fsync instead of four. Only writes with no ordering between
 * them belong in one batch: callers wait for a batch ({@link Batch#awaitAll()}) wherever crash
 * safety needs one write durable before the next begins.
 *
 * <p>Tasks never wait for other tasks, so the small shared pool cannot deadlock; waiting is
 * uninterruptible, so a change never gives up the library lock while its writes still run.
 */
final class ParallelIo {
    interface IoCall<T> {
        T call() throws IOException;
    }

    interface IoRun {
        void run() throws IOException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL;

    static {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sitter-library-io-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        POOL = pool;
    }

    private ParallelIo() {}

    /** Runs all {@code tasks} at once (the last on the calling thread) and returns when all are done. */
    static void all(IoRun... tasks) throws IOException {
        try (Batch b = new Batch()) {
            for (int i = 0; i < tasks.length - 1; i++) {
                IoRun t = tasks[i];
                b.submit(() -> { t.run(); return null; });
            }
            IOException own = null;
            try {
                if (tasks.length > 0) tasks[tasks.length - 1].run();
            } catch (IOException e) {
                own = e;
            }
            b.awaitAll();
            if (own != null) throw own;
        }
    }

    /**
     * Tasks started together. {@link #close()} waits for every task still running (after an
     * error, too) and deletes the temp files of {@link DurableFiles.Staged} results never published.
     */
    static final class Batch implements AutoCloseable {
        private final List<Future<?>> futures = new ArrayList<>();

        <T> Future<T> submit(IoCall<T> task) {
            Future<T> f;
            if (!DurableFiles.syncEnabled) { // nothing waits on the disk: running inline is cheaper
                CompletableFuture<T> done = new CompletableFuture<>();
                try {
                    done.complete(task.call());
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
                f = done;
            } else {
                f = POOL.submit(task::call);
            }
            futures.add(f);
            return f;
        }

        /** Takes a temp file staged on the calling thread into the batch, so {@link #close()} cleans it up too. */
        DurableFiles.Staged adopt(DurableFiles.Staged staged) {
            futures.add(CompletableFuture.completedFuture(staged));
            return staged;
        }

        /** Waits for every task so far; throws the first failure. */
        void awaitAll() throws IOException {
            Exception first = null;
            for (Future<?> f : futures) {
                try {
                    getUninterruptibly(f);
                } catch (IOException | RuntimeException e) {
                    if (first == null) first = e;
                }
            }
            rethrow(first);
        }

        /**
         * Waits for every task and deletes unpublished temp files. A task's own failure is not
         * thrown again here: {@link #awaitAll()} or the caller's {@code get} reports it (call one
         * of them before finishing normally); only a failure to delete a temp file is thrown.
         */
        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Future<?> f : futures) {
                Object result;
                try {
                    result = getUninterruptibly(f);
                } catch (IOException | RuntimeException e) {
                    continue; // reported by awaitAll/get, or a failure is already on its way out
                }
                if (result instanceof DurableFiles.Staged s) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        if (first == null) first = e;
                    }
                }
            }
            if (first != null) throw first;
        }
    }

    private static void rethrow(Exception e) throws IOException {
        if (e instanceof IOException io) throw io;
        if (e instanceof RuntimeException re) throw re;
    }

    /** The task's result; its exception rethrown as it was thrown. */
    static <T> T getUninterruptibly(Future<T> f) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) throw io;
                    if (c instanceof RuntimeException re) throw re;
                    if (c instanceof Error err) throw err;
                    throw new UncheckedIOException(new IOException(c));
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
