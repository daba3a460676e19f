package dev.sitter.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file writes. A file written with {@link #writeAtomically} is, after a crash at any
 * moment, either absent/old or complete: data is forced to disk in a temp file in the same
 * directory, renamed over the target atomically, and the directory is forced so the rename lasts.
 */
public final class DurableFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("win");

    /** Benchmarks can turn fsync off to build big libraries quickly; never the default. */
    static volatile boolean syncEnabled = !Boolean.getBoolean("sitter.library.nosync");

    private DurableFiles() {}

    public static void writeAtomically(Path target, byte[] data) throws IOException {
        try (Staged s = stage(target, data)) {
            s.publish();
            fsyncDir(s.dir());
        }
    }

    /**
     * Writes {@code data} to a temp file beside {@code target} and forces it to disk, without
     * putting it in place yet: {@link Staged#publish()} renames it over the target, and the caller
     * forces the directory (so several files can be staged, published and their directories
     * forced in parallel). Closing an unpublished {@code Staged} deletes the temp file.
     */
    static Staged stage(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        ensureDir(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        Staged staged = new Staged(tmp, target, dir);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(data);
                while (b.hasRemaining()) ch.write(b);
                if (syncEnabled) ch.force(true);
            }
            return staged;
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /** A complete, forced temp file waiting to be renamed over its target. */
    static final class Staged implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private final Path dir;
        private boolean published;

        private Staged(Path tmp, Path target, Path dir) {
            this.tmp = tmp;
            this.target = target;
            this.dir = dir;
        }

        /** The directory to force after {@link #publish()} so the rename survives a crash. */
        Path dir() { return dir; }

        /** Renames the temp file over the target atomically (readers see the old or the new file, whole). */
        void publish() throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system under " + dir + " cannot rename atomically; "
                        + "put the library on a local disk", e);
            }
            published = true;
        }

        @Override
        public void close() throws IOException {
            if (!published) Files.deleteIfExists(tmp);
        }
    }

    /** Appends {@code data} and forces it to disk before returning. */
    public static void append(Path file, byte[] data) throws IOException {
        ensureDir(file.toAbsolutePath().getParent());
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) ch.write(b);
            if (syncEnabled) ch.force(false);
        }
        if (created) fsyncDir(file.toAbsolutePath().getParent());
    }

    /** Cuts {@code file} back to {@code length} bytes (no-op when it is already that short). */
    public static void truncate(Path file, long length) throws IOException {
        if (!Files.exists(file)) return;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (ch.size() > length) {
                ch.truncate(length);
                if (syncEnabled) ch.force(true);
            }
        }
    }

    /** Deletes a file and makes the deletion durable. */
    public static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) fsyncDir(file.toAbsolutePath().getParent());
    }

    /** Creates missing directories, forcing each new one's parent so the new entry survives a crash. */
    public static void ensureDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.getParent();
        if (parent != null) ensureDir(parent);
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw e;
            return;
        }
        if (parent != null) fsyncDir(parent);
    }

    public static void fsyncDir(Path dir) throws IOException {
        if (WINDOWS || !syncEnabled) return; // directories cannot be opened for sync on Windows
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static boolean isTemp(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") && n.endsWith(TEMP_SUFFIX);
    }
}
