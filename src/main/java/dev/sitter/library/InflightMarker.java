package dev.sitter.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sitter.model.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * {@code tmp/inflight}: what the library's latest change was about to do, written and forced
 * before the change touches anything else. One small file rewritten in place (one fsync per
 * change, no directory churn); a torn write fails its checksum and reads as "nothing in flight",
 * which is true, because nothing else is written until the marker is on disk.
 */
final class InflightMarker {
    /**
     * One change in flight.
     *
     * @param op           record, update (QA), price, reindex, or idle
     * @param assetId      the asset concerned, or null
     * @param indexLength  index length before the change
     * @param ledgerLength ledger length before the change
     * @param files        image files (relative paths) the change creates
     */
    record Marker(String op, String assetId, long indexLength, long ledgerLength, List<String> files) {
        static final Marker IDLE = new Marker("idle", null, 0, 0, List.of());
    }

    private final Path file;

    InflightMarker(Path file) { this.file = file; }

    Path file() { return file; }

    /** Writes the marker; {@code durable} forces it to disk before returning. */
    void write(Marker m, boolean durable) throws IOException {
        String json = Json.compact(m);
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = (String.format("%08x", crc.getValue()) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
        DurableFiles.ensureDir(file.getParent());
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long pos = 0;
            while (b.hasRemaining()) pos += ch.write(b, pos);
            ch.truncate(bytes.length);
            if (durable && DurableFiles.syncEnabled) ch.force(true);
        }
        if (created && durable) DurableFiles.fsyncDir(file.getParent());
    }

    /** The marker, or null when there is none or it is torn. */
    Marker read() throws IOException {
        if (!Files.exists(file)) return null;
        String line = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (line.length() < 10 || line.charAt(8) != ' ') return null;
        String json = line.substring(9);
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) return null;
        try {
            return Json.MAPPER.readValue(json, Marker.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
