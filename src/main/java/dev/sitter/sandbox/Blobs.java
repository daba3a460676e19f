package dev.sitter.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;

/** Where the sandbox keeps image bytes it serves from /cdn: in memory, or as files under a data directory. */
interface Blobs {
    void put(String key, byte[] bytes);

    /** The bytes, or null when absent. */
    byte[] get(String key);

    void delete(String key);

    static Blobs inMemory() {
        ConcurrentHashMap<String, byte[]> m = new ConcurrentHashMap<>();
        return new Blobs() {
            public void put(String key, byte[] bytes) { m.put(key, bytes); }
            public byte[] get(String key) { return m.get(key); }
            public void delete(String key) { m.remove(key); }
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
