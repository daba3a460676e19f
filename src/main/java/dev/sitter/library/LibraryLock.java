package dev.sitter.library;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single-writer lock of a library: an OS lock on {@code .lock} (between processes) plus a
 * JVM-wide {@link ReentrantLock} per library (between threads, which OS file locks cannot tell
 * apart). Every change to the library happens while holding it, so changes never interleave.
 * The OS drops the lock when a process dies, even on kill -9.
 */
final class LibraryLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock threadLock;
    private FileChannel channel;
    private FileLock osLock;

    LibraryLock(Path root) {
        this.lockFile = root.resolve(".lock");
        this.threadLock = IN_PROCESS.computeIfAbsent(root.toAbsolutePath().normalize(), k -> new ReentrantLock());
    }

    /** Blocks until this process holds the library; re-entrant within a thread. */
    Held acquire() throws IOException {
        threadLock.lock();
        try {
            if (threadLock.getHoldCount() == 1) {
                DurableFiles.ensureDir(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                osLock = channel.lock();
            }
        } catch (IOException | RuntimeException e) {
            closeChannel();
            threadLock.unlock();
            throw e;
        }
        return this::release;
    }

    boolean heldByCurrentThread() { return threadLock.isHeldByCurrentThread(); }

    private void release() {
        try {
            if (threadLock.getHoldCount() == 1) closeChannel();
        } finally {
            threadLock.unlock();
        }
    }

    private void closeChannel() {
        try {
            if (osLock != null) osLock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        try {
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // nothing more to do: the OS releases the lock with the descriptor
        }
        osLock = null;
        channel = null;
    }

    /** try-with-resources handle. */
    interface Held extends AutoCloseable {
        @Override void close();
    }
}
