package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.util.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sandbox saw, for tests and for the inspection endpoint: method, path, body (JSON
 * bodies as text, others summarised), body hash, time, status and injected fault. Header values
 * are never recorded, so an Authorization header cannot leak through here.
 */
public final class RequestLog {
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_BODY_TEXT = 64 * 1024;

    /** One request. {@code status} is 0 while in flight, -1 when the connection was cut. */
    public record Entry(long seq, String time, String method, String path, String bodySha256, String body,
                        int status, String fault, long millis) {}

    private final List<Entry> entries = new ArrayList<>();
    private long seq;

    synchronized long start() {
        return ++seq;
    }

    synchronized void record(long seq, String time, String method, String path, byte[] body, String contentType,
                             int status, Fault fault, long millis) {
        String text;
        if (body.length == 0) text = "";
        else if (contentType != null && contentType.toLowerCase().contains("json") && body.length <= MAX_BODY_TEXT) {
            text = new String(body, StandardCharsets.UTF_8);
        } else {
            text = "<" + (contentType == null ? "binary" : contentType.split(";")[0].trim()) + ", " + body.length + " bytes>";
        }
        entries.add(new Entry(seq, time, method, path, Sha256.hex(body), text, status, fault == null ? null : fault.spec(), millis));
        if (entries.size() > MAX_ENTRIES) entries.remove(0);
    }

    /** A snapshot, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized ArrayNode toJson() {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (Entry e : entries) {
            ObjectNode n = arr.addObject();
            n.put("seq", e.seq());
            n.put("time", e.time());
            n.put("method", e.method());
            n.put("path", e.path());
            n.put("status", e.status());
            n.put("bodySha256", e.bodySha256());
            n.put("body", e.body());
            if (e.fault() != null) n.put("fault", e.fault());
            n.put("millis", e.millis());
        }
        return arr;
    }
}
