package dev.sitter.sandbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All of the sandbox's bookkeeping: generations, images, variations, init images, the credit
 * balance and the count of unfinished jobs. One lock guards it all; nothing slow (rendering,
 * network) ever happens while holding it.
 */
final class Store {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    final String userId;
    final String username = "sitter-sandbox";
    final Ids ids;
    final Blobs blobs;
    private final Clock clock;
    private long credits;
    private int unfinished;
    final Map<String, Records.Generation> generations = new LinkedHashMap<>();
    final Map<String, Records.Image> images = new LinkedHashMap<>();
    final Map<String, Records.Variation> variations = new LinkedHashMap<>();
    final Map<String, Records.InitImage> initImages = new LinkedHashMap<>();

    Store(Ids ids, Blobs blobs, long credits, Clock clock) {
        this.ids = ids;
        this.blobs = blobs;
        this.credits = credits;
        this.clock = clock;
        this.userId = ids.next();
    }

    /** Hasura-style timestamp without zone (UTC), e.g. 2026-11-27T09:58:01.123, as Leonardo returns them. */
    String now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(TIMESTAMP);
    }

    long millis() {
        return clock.millis();
    }

    synchronized long credits() {
        return credits;
    }

    /**
     * Takes {@code cost} from the balance and counts one more unfinished job, or refuses: the
     * balance check and the queue check happen together so neither can be raced past.
     */
    synchronized void admit(long cost, int queueLimit) {
        if (unfinished >= queueLimit) {
            throw new ApiError(429, "rate-limited", "Too many pending jobs: the queue holds at most " + queueLimit
                    + " unfinished jobs; wait for some to finish", 5L);
        }
        if (cost > credits) {
            throw new ApiError(402, "insufficient-credits", "Not enough API credits: this request costs " + cost
                    + " credits and the balance is " + credits + ".");
        }
        credits -= cost;
        unfinished++;
    }

    synchronized void finished() {
        unfinished--;
    }

    synchronized int unfinished() {
        return unfinished;
    }

    synchronized void refund(long cost) {
        credits += cost;
    }

    synchronized void addGeneration(Records.Generation g) {
        generations.put(g.id, g);
    }

    synchronized Records.Generation generation(String id) {
        return generations.get(id);
    }

    synchronized List<Records.Generation> generationsNewestFirst() {
        List<Records.Generation> all = new ArrayList<>(generations.values());
        java.util.Collections.reverse(all);
        return all;
    }

    synchronized Records.Generation deleteGeneration(String id) {
        Records.Generation g = generations.remove(id);
        if (g != null) {
            for (Records.Image img : g.images) {
                images.remove(img.id);
                blobs.delete(img.key);
            }
        }
        return g;
    }

    /** Adds a finished image; if the generation was deleted meanwhile, its bytes are dropped instead. */
    synchronized void addImage(Records.Generation g, Records.Image img) {
        if (!generations.containsKey(g.id)) {
            blobs.delete(img.key);
            return;
        }
        g.images.add(img);
        images.put(img.id, img);
    }

    synchronized Records.Image image(String id) {
        return images.get(id);
    }

    synchronized void addVariation(Records.Image source, Records.Variation v) {
        variations.put(v.id, v);
        if (source != null) source.variations.add(v);
    }

    synchronized Records.Variation variation(String id) {
        return variations.get(id);
    }

    synchronized void addInitImage(Records.InitImage i) {
        initImages.put(i.id, i);
    }

    synchronized Records.InitImage initImage(String id) {
        return initImages.get(id);
    }

    synchronized Records.InitImage initImageByKey(String key) {
        for (Records.InitImage i : initImages.values()) if (i.key.equals(key)) return i;
        return null;
    }

    synchronized Records.InitImage deleteInitImage(String id) {
        Records.InitImage i = initImages.remove(id);
        if (i != null) blobs.delete(i.key);
        return i;
    }

    /** Runs {@code r} under the store's lock (for multi-field updates of one record). */
    synchronized void update(Runnable r) {
        r.run();
    }
}
