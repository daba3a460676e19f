package dev.sitter.leonardo;

import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

/**
 * Caps jobs running on Leonardo at once (its concurrency slots, 10 by default). A job holds a slot
 * from its create until Leonardo reports it finished, so extra work queues here, in order, instead
 * of piling onto Leonardo's queue. The size is decided on first use: the configured number, or
 * {@code /me}'s apiConcurrencySlots when configured as 0.
 */
final class JobSlots {
    static final int DEFAULT = 10;

    private final int configured;
    private final IntSupplier discover;
    private volatile Semaphore slots;
    private volatile int size;

    JobSlots(int configured, IntSupplier discover) {
        this.configured = configured;
        this.discover = discover;
    }

    int size() {
        sem();
        return size;
    }

    void acquire() throws InterruptedException { sem().acquire(); }

    void release() { sem().release(); }

    private Semaphore sem() {
        Semaphore s = slots;
        if (s != null) return s;
        synchronized (this) {
            if (slots == null) {
                int n = configured;
                if (n <= 0) {
                    try {
                        n = discover.getAsInt();
                    } catch (RuntimeException e) {
                        n = DEFAULT; // /me unavailable: fall back to Leonardo's default
                    }
                    if (n <= 0) n = DEFAULT;
                }
                size = n;
                slots = new Semaphore(n, true);
            }
            return slots;
        }
    }
}
