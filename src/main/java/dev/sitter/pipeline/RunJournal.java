package dev.sitter.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of a pipeline run ({@code journal.jsonl}): one JSON object per line,
 * forced to disk before the runner moves on. A line is written only after the files it names are
 * durable, so after a crash every journaled result can be trusted and anything not journaled is
 * redone. A torn last line (the process died mid-write) is ignored on reading. Thread-safe: the ops
 * of one step run at once and each journals its own result.
 */
final class RunJournal {
    private final Path file;
    private final List<JsonNode> entries = new ArrayList<>();

    RunJournal(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    private void load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PipelineException("cannot read the run journal " + file + ": " + e.getMessage()
                    + ". Fix: check the file's permissions; to start the run over, use a new run folder.", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                entries.add(Json.MAPPER.readTree(line));
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    break; // torn final write from a crash: that step is simply redone
                }
                throw new PipelineException("the run journal " + file + " is damaged at line " + (i + 1)
                        + ". Fix: restore it from a backup, or start the run over in a new folder (paid images stay in the library).");
            }
        }
    }

    synchronized List<JsonNode> entries() {
        return List.copyOf(entries);
    }

    /** The latest entry of {@code type} whose {@code key} field equals {@code key}, or null. */
    synchronized JsonNode find(String type, String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode e = entries.get(i);
            if (type.equals(e.path("type").asText()) && key.equals(e.path("key").asText())) {
                return e;
            }
        }
        return null;
    }

    /** Appends one entry and forces it to disk. */
    synchronized void append(ObjectNode entry) {
        byte[] line = (Json.compact(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new PipelineException("cannot append to the run journal " + file + ": " + e.getMessage()
                    + ". Fix: free disk space or fix permissions, then run again: finished steps are skipped.", e);
        }
        entries.add(entry);
    }

    Path file() {
        return file;
    }
}
