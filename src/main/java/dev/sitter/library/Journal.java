package dev.sitter.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * The intent journal, {@code journal/intents.log}: written <em>before</em> every paid request, so
 * a crash between paying and recording is never silent. Each line is
 * {@code <crc32c hex> <compact JSON>}; a torn last line (crash mid-write) is ignored and cut off
 * before the next append. Every append is forced to disk before the call returns.
 *
 * <p>Life of an intent: {@link #begin} before the POST, {@link #submitted} once the backend has
 * given a generation id, {@link #complete} after the images and records are durable (or
 * {@link #abandon} when nothing was charged). {@link #pending()} lists the intents a crash left
 * open: with a generation id, resume by polling it; without one, reconcile before resubmitting.
 */
public final class Journal {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What is about to be paid for.
     *
     * @param action   generate, refine, upscale, ... (free text)
     * @param spec     the compiled request, or null
     * @param parentId the asset it starts from, or null
     * @param note     free text, or null
     */
    public record Intent(String action, PromptSpec spec, String parentId, String note) {}

    /** An intent with no complete/abandon line yet. */
    public record Pending(String id, String startedAt, Intent intent, String generationId) {}

    private final Path file;
    private final LibraryLock lock;
    private final Clock clock;
    private final UnaryOperator<String> scrub;

    Journal(Path file, LibraryLock lock, Clock clock, UnaryOperator<String> scrub) {
        this.file = file;
        this.lock = lock;
        this.clock = clock;
        this.scrub = scrub;
    }

    public Path file() { return file; }

    /** Journals the intent durably and returns its id. Call it before the paid request. */
    public String begin(Intent intent) throws IOException {
        String id = "j" + ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(randomBytes(4));
        ObjectNode n = entry("begin", id);
        n.set("intent", Json.MAPPER.valueToTree(intent));
        write(n);
        return id;
    }

    /** The backend accepted the job: with this id a crashed run resumes by polling, never by paying again. */
    public void submitted(String id, String generationId) throws IOException {
        ObjectNode n = entry("submitted", id);
        n.put("generationId", generationId);
        write(n);
    }

    /** The images are recorded; call after {@link Library#record} returned for each. */
    public void complete(String id, List<String> assetIds) throws IOException {
        ObjectNode n = entry("complete", id);
        n.set("assets", Json.MAPPER.valueToTree(assetIds));
        write(n);
    }

    /** Nothing came of it (request refused, generation failed): close the intent with a reason. */
    public void abandon(String id, String reason) throws IOException {
        ObjectNode n = entry("abandon", id);
        n.put("reason", reason);
        write(n);
    }

    /** Open intents, oldest first. */
    public List<Pending> pending() throws IOException {
        Map<String, Pending> open = new LinkedHashMap<>();
        for (JsonNode n : read().entries()) {
            String id = n.path("id").asText();
            switch (n.path("op").asText()) {
                case "begin" -> {
                    Intent intent;
                    try {
                        intent = Json.MAPPER.treeToValue(n.path("intent"), Intent.class);
                    } catch (IOException | IllegalArgumentException e) {
                        intent = new Intent(n.path("intent").path("action").asText(null), null, null,
                                "unreadable intent: " + e.getMessage());
                    }
                    open.put(id, new Pending(id, n.path("at").asText(null), intent, null));
                }
                case "submitted" -> open.computeIfPresent(id,
                        (k, p) -> new Pending(p.id(), p.startedAt(), p.intent(), n.path("generationId").asText(null)));
                case "complete", "abandon" -> open.remove(id);
                default -> { /* a newer op this version does not know: ignore */ }
            }
        }
        return new ArrayList<>(open.values());
    }

    /** Every readable entry, and the lines that failed their checksum (a torn last line is not a problem). */
    record Contents(List<JsonNode> entries, List<String> problems) {}

    Contents read() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) return new Contents(entries, problems);
        byte[] all = Files.readAllBytes(file);
        int start = 0, lineNo = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') end++;
            lineNo++;
            boolean complete = end < all.length;
            String line = new String(all, start, end - start, StandardCharsets.UTF_8);
            JsonNode n = parse(line);
            if (n != null) entries.add(n);
            else if (complete) problems.add(file.getFileName() + " line " + lineNo + " fails its checksum");
            start = end + 1;
        }
        return new Contents(entries, problems);
    }

    private static JsonNode parse(String line) {
        int sp = line.indexOf(' ');
        if (sp != 8) return null;
        String json = line.substring(9);
        CRC32C crc = new CRC32C();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) return null;
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private ObjectNode entry(String op, String id) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("op", op);
        n.put("id", id);
        n.put("at", clock.instant().toString());
        return n;
    }

    private void write(ObjectNode n) throws IOException {
        String json = scrub.apply(Json.compact(n));
        CRC32C crc = new CRC32C();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        crc.update(body);
        byte[] line = (String.format("%08x", crc.getValue()) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
        try (LibraryLock.Held ignored = lock.acquire()) {
            cutTornTail();
            if (n.path("op").asText().equals("begin")) compactIfLarge();
            DurableFiles.append(file, line);
        }
    }

    /** Above this size the closed intents move to journal/archive/, so pending() stays a small read. */
    static long compactAbove = 8L << 20;

    /**
     * Moves the history out of the active log: the whole log is first copied, durably, to
     * {@code journal/archive/intents-TIME.log}; then the active log is atomically replaced by the
     * lines of the intents still open. A crash in between leaves the full log in place (and at
     * worst a duplicate archive), never a lost intent.
     */
    private void compactIfLarge() throws IOException {
        if (!Files.exists(file) || Files.size(file) <= compactAbove) return;
        byte[] all = Files.readAllBytes(file);
        java.util.Set<String> open = new java.util.HashSet<>();
        for (Pending p : pending()) open.add(p.id());
        StringBuilder keep = new StringBuilder();
        for (String line : new String(all, StandardCharsets.UTF_8).split("\n")) {
            JsonNode n = parse(line);
            if (n != null && open.contains(n.path("id").asText())) keep.append(line).append('\n');
        }
        Path archive = file.resolveSibling("archive").resolve("intents-" + ID_TIME.format(clock.instant()) + "-"
                + HexFormat.of().formatHex(randomBytes(2)) + ".log");
        DurableFiles.writeAtomically(archive, all);
        DurableFiles.writeAtomically(file, keep.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A crash mid-append leaves a line without its end; cut it so the next line starts clean. */
    private void cutTornTail() throws IOException {
        if (!Files.exists(file)) return;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) return;
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') return;
            long pos = size - 1;
            ByteBuffer b = ByteBuffer.allocate(1);
            while (pos > 0) {
                b.clear();
                ch.read(b, pos - 1);
                if (b.get(0) == '\n') break;
                pos--;
            }
            DurableFiles.truncate(file, pos);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
