package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which init-image id a file (by SHA-256) was uploaded as, so a character's anchor set
 * is uploaded once, not on every generation. Entries are scoped by API base URL (sandbox ids mean
 * nothing to Leonardo). Kept in memory and in a small JSON file ({@code leonardo-uploads.json})
 * written atomically (temp file, fsync, rename); a damaged file is ignored, never fatal.
 */
final class UploadCache {
    static final String FILE_NAME = "leonardo-uploads.json";
    private static final int MAX_ENTRIES = 2000;

    private final Path file;
    private final String scope;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    record Entry(String id, String at) {}

    UploadCache(Path dir, String scope) {
        this.file = dir == null ? null : dir.resolve(FILE_NAME);
        this.scope = scope;
        if (file != null) entries.putAll(load(file));
    }

    Optional<String> get(String sha256) {
        Entry e = entries.get(key(sha256));
        return e == null ? Optional.empty() : Optional.of(e.id());
    }

    void put(String sha256, String id) {
        entries.put(key(sha256), new Entry(id, Instant.now().toString()));
        save();
    }

    /** Forgets an id Leonardo no longer knows (e.g. it was deleted). */
    void forget(String sha256) {
        entries.remove(key(sha256));
        save();
    }

    private String key(String sha256) { return scope + "|" + sha256; }

    private static Map<String, Entry> load(Path file) {
        Map<String, Entry> m = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(file)) return m;
            JsonNode root = Json.MAPPER.readTree(Files.readString(file));
            JsonNode es = root == null ? null : root.get("entries");
            if (es == null || !es.isObject()) return m;
            es.fields().forEachRemaining(f -> {
                JsonNode id = f.getValue().get("id");
                if (id != null && id.isTextual()) {
                    m.put(f.getKey(), new Entry(id.asText(), f.getValue().path("at").asText("")));
                }
            });
        } catch (IOException | RuntimeException damaged) {
            // a torn or hand-edited cache only costs re-uploads; never fail a generation over it
        }
        return m;
    }

    private synchronized void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Map<String, Entry> merged = new LinkedHashMap<>(load(file)); // keep what other processes added
            merged.putAll(entries);
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("version", 1);
            ObjectNode es = root.putObject("entries");
            merged.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().at()).reversed())
                    .limit(MAX_ENTRIES)
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> es.putObject(e.getKey()).put("id", e.getValue().id()).put("at", e.getValue().at()));
            writeAtomically(file, Json.pretty(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the in-memory cache still works; the next run re-uploads at worst
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
