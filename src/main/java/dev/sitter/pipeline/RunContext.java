package dev.sitter.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.drift.DriftScorer;
import dev.sitter.model.Json;
import dev.sitter.util.Sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What every step of one run shares: the ops, the journal, the run folder and the settings. Paid
 * ops go through {@link #once}, which returns the journaled result when there is one and otherwise
 * calls the op, stores its images durably, then journals them.
 */
final class RunContext {
    final PortraitOps ops;
    final RunJournal journal;
    final PipelineRunner.Settings settings;
    final String pipelineId;

    RunContext(PortraitOps ops, RunJournal journal, PipelineRunner.Settings settings, String pipelineId) {
        this.ops = ops;
        this.journal = journal;
        this.settings = settings;
        this.pipelineId = pipelineId;
    }

    PipelineRunner.Settings settings() {
        return settings;
    }

    /** The key handed to the ops: the run's id plus the op's place in the pipeline. */
    String opKey(String key) {
        return settings.runId() + "/" + key;
    }

    /** A short, file-name-safe form of an image id for op keys and export names. */
    String shortKey(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "");
        return safe.length() >= 8 && safe.length() <= 24 && safe.equals(id) ? safe
                : Sha256.hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * How an image is named to the user (file names, captions, messages): a library asset id (64-hex
     * SHA-256) as its 12-hex short form, the one {@code sitter ls} prints and {@code show}/{@code replay}
     * take; any other id as it is, when short and file-name-safe. Op keys keep {@link #shortKey}, which
     * journals already hold.
     */
    static String displayId(String id) {
        if (id.matches("[0-9a-f]{64}")) {
            return id.substring(0, 12);
        }
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "");
        return safe.equals(id) && safe.length() <= 40 ? safe : Sha256.hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** "1 check", "2 checks": counts in summaries read as English. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The image as the ops see it: its id and bytes, read back from the run folder. */
    PortraitOps.Produced produced(Item item) {
        try {
            return new PortraitOps.Produced(item.id(), Files.readAllBytes(item.file()));
        } catch (java.io.IOException e) {
            throw new PipelineException("cannot read " + item.file() + " (image " + displayId(item.id()) + "): " + e.getMessage()
                    + ". Fix: restore the run folder's images, or start the run in a new folder.", e);
        }
    }

    /** The item's ancestry, newest first (itself, what it was made from, ...), from every item this run journaled. */
    List<String> lineage(Item item) {
        Map<String, String> parents = new TreeMap<>();
        for (JsonNode e : journal.entries()) {
            for (JsonNode n : e.path("items")) {
                if (n.hasNonNull("parent")) {
                    parents.put(n.path("id").asText(), n.path("parent").asText());
                }
            }
        }
        List<String> chain = new ArrayList<>();
        for (String id = item.id(); id != null && !chain.contains(id) && chain.size() < 64; id = parents.get(id)) {
            chain.add(id);
        }
        return chain;
    }

    Path imagesDir() {
        return settings.runDir().resolve("images");
    }

    /** The op's items, from the journal if it already ran, else by running it now (and journaling). */
    List<Item> once(String opKey, String parentId, Supplier<List<PortraitOps.Produced>> op) {
        JsonNode done = journal.find("op", opKey);
        if (done != null) {
            List<Item> items = readItems(done.path("items"));
            if (items.stream().allMatch(i -> Files.isRegularFile(i.file()))) {
                return items;
            }
            // The journal names files that are gone (deleted by hand): the images were paid for but
            // are lost locally; refuse rather than pay again silently.
            throw new PipelineException("the run journal says op " + opKey + " finished, but its image files are missing from "
                    + imagesDir() + ". Fix: restore them (the library keeps a copy of every paid image) or start the run in a new folder.");
        }
        List<PortraitOps.Produced> produced = op.get();
        List<Item> items = new ArrayList<>();
        for (PortraitOps.Produced p : produced) {
            items.add(store(p.id(), p.bytes(), parentId));
        }
        ObjectNode entry = Json.MAPPER.createObjectNode().put("type", "op").put("key", opKey);
        entry.set("items", writeItems(items));
        journal.append(entry);
        return items;
    }

    /** Writes image bytes into the run folder crash-safely; the name is the id's digest, so ids with any characters are safe. */
    Item store(String id, byte[] bytes, String parentId) {
        String ext = bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 ? ".jpg" : ".png";
        Path file = imagesDir().resolve(Sha256.hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16) + ext);
        Images.writeAtomically(file, bytes);
        return new Item(id, file, parentId, null, null);
    }

    /** Ends a step: journals the item set after it. */
    void stepDone(String stepKey, int index, String name, List<Item> items, String summary) {
        ObjectNode entry = Json.MAPPER.createObjectNode().put("type", "step").put("key", stepKey).put("index", index)
                .put("name", name).put("summary", summary);
        entry.set("items", writeItems(items));
        journal.append(entry);
    }

    /** Items as journal JSON; files inside the run folder are stored relative to it, so the folder can move. */
    ArrayNode writeItems(List<Item> items) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        Path root = settings.runDir().toAbsolutePath().normalize();
        for (Item i : items) {
            Path file = i.file().toAbsolutePath().normalize();
            String stored = file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.toString();
            ObjectNode n = arr.addObject().put("id", i.id()).put("file", stored);
            if (i.parentId() != null) {
                n.put("parent", i.parentId());
            }
            if (i.drift() != null) {
                n.put("drift", i.drift());
            }
            if (!i.qa().isEmpty()) {
                ObjectNode qa = n.putObject("qa");
                i.qa().forEach(qa::put);
            }
        }
        return arr;
    }

    List<Item> readItems(JsonNode arr) {
        List<Item> items = new ArrayList<>();
        Path root = settings.runDir().toAbsolutePath().normalize();
        for (JsonNode n : arr) {
            Map<String, Boolean> qa = new TreeMap<>();
            n.path("qa").properties().forEach(e -> qa.put(e.getKey(), e.getValue().asBoolean()));
            items.add(new Item(n.path("id").asText(), root.resolve(n.path("file").asText()),
                    n.hasNonNull("parent") ? n.get("parent").asText() : null,
                    n.hasNonNull("drift") ? n.get("drift").asDouble() : null, qa));
        }
        return items;
    }

    /** Drift scores for items that have none yet; null when the run has no references to score against. */
    List<Item> scored(List<Item> items) {
        DriftScorer scorer = settings.drift();
        if (scorer == null) {
            return items;
        }
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            out.add(i.drift() != null ? i : i.withDrift(scorer.score(i.file()).score()));
        }
        return out;
    }
}
