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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What every step of one run shares: the ops, the journal, the run folder and the settings. Paid
 * ops go through {@link #once}, which returns the journaled result when there is one and otherwise
 * calls the op, stores its images durably, then journals them.
 */
final class RunContext {
    /** Ops of one step in flight at once per run; the client's job slots cap what runs on the API. */
    static final int MAX_PARALLEL_OPS = 8;
    private static final AtomicInteger OP_THREADS = new AtomicInteger();

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
        } catch (java.nio.file.NoSuchFileException e) {
            // A step the journal says finished named this image, and its file is gone (deleted by hand).
            throw new PipelineException("the run journal names image " + item.id() + ", but its file " + item.file().getFileName()
                    + " is missing from " + imagesDir() + ". Fix: restore it (the library keeps a copy of every paid image)"
                    + " or start the run in a new folder.", e);
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

    /**
     * Runs independent paid ops of one step at the same time (explore batches, the refine or upscale
     * of each winner), so a character's images wait on one job latency per step rather than one per
     * image; the client's job slots and rate windows still bound what reaches the API. Results come
     * back in the order of {@code ops}, whatever order they finish in, so runs stay deterministic.
     * When an op fails, the others already started still finish and are journaled (they may be paid
     * for), then the first failure is thrown.
     */
    <T> List<T> all(List<Supplier<T>> ops) {
        if (ops.size() <= 1) {
            return ops.stream().map(Supplier::get).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ops.size(), MAX_PARALLEL_OPS), r -> {
            Thread t = new Thread(r, "pipeline-op-" + OP_THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> op : ops) {
                futures.add(pool.submit(op::get));
            }
            pool.shutdown();
            List<T> out = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<T> f : futures) {
                try {
                    out.add(awaitUninterruptibly(f));
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new PipelineException("a pipeline op failed: " + e.getCause(), e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Waits for an op even when this thread is interrupted (Ctrl-C): the op may hold a paid job, and
     * its images must reach the run folder and journal before the run stops. The interrupt is kept.
     */
    private static <T> T awaitUninterruptibly(Future<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
        List<Supplier<Item>> scores = new ArrayList<>();
        for (Item i : items) {
            scores.add(() -> i.drift() != null ? i : i.withDrift(scorer.score(i.file()).score()));
        }
        return all(scores); // images are scored on every core; the order stays
    }
}
