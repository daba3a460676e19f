package dev.sitter.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where the sandbox keeps image bytes it serves from /cdn: in memory, or as files under a data directory. */
interface Blobs {
    void put(String key, byte[] bytes);

    /** The bytes, or null when absent. */
    byte[] get(String key);

    void delete(String key);

    /** Default cap for in-memory storage: a long REPL session must not grow without bound. */
    long DEFAULT_MEMORY_CAP = 512L << 20;

    /**
     * In memory, holding at most {@code capBytes} of generated images: the oldest are dropped first
     * (their CDN URLs then answer 404, like expired links; clients download results as soon as jobs
     * complete). Uploaded init images are never dropped.
     */
    static Blobs inMemory(long capBytes) {
        java.util.LinkedHashMap<String, byte[]> m = new java.util.LinkedHashMap<>();
        long[] size = {0};
        return new Blobs() {
            public synchronized void put(String key, byte[] bytes) {
                byte[] old = m.put(key, bytes);
                size[0] += bytes.length - (old == null ? 0 : old.length);
                var it = m.entrySet().iterator();
                while (size[0] > capBytes && it.hasNext()) {
                    var e = it.next();
                    // uploaded anchors stay: later requests keep referring to them by id
                    if (e.getKey().equals(key) || e.getKey().startsWith("init/")) continue;
                    size[0] -= e.getValue().length;
                    it.remove();
                }
            }
            public synchronized byte[] get(String key) { return m.get(key); }
            public synchronized void delete(String key) {
                byte[] old = m.remove(key);
                if (old != null) size[0] -= old.length;
            }
        };
    }

    static Blobs inDirectory(Path dir) {
        return new Blobs() {
            private Path file(String key) {
                Path p = dir.resolve(key).normalize();
                if (!p.startsWith(dir)) throw new IllegalArgumentException("blob key escapes the data directory: " + key);
                return p;
            }

            public void put(String key, byte[] bytes) {
                try {
                    Path p = file(key);
                    Files.createDirectories(p.getParent());
                    Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
                    Files.write(tmp, bytes);
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write sandbox data " + key + ": " + e.getMessage(), e);
                }
            }

            public byte[] get(String key) {
                try {
                    Path p = file(key);
                    return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
                } catch (IOException e) {
                    return null;
                }
            }

            public void delete(String key) {
                try {
                    Files.deleteIfExists(file(key));
                } catch (IOException ignored) {
                    // a file we cannot delete is only wasted space
                }
            }
        };
    }
}
