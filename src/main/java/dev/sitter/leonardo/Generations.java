package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.leonardo.LeonardoException.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one generation end to end: wait for room in the create window, take a job slot, send the create once (reconciling a lost
 * answer), poll to COMPLETE, release the slot, download every image.
 */
final class Generations {
    private static final List<String> CREATE_WRAPPERS = List.of("sdGenerationJob", "generate", "generation");

    private final ApiTransport http;
    private final JobSlots slots;
    private final EndpointLimits limits;
    private final Poller poller;
    private final Reconciler reconciler;
    private final Set<String> claimed;

    Generations(ApiTransport http, JobSlots slots, EndpointLimits limits, Poller poller, Reconciler reconciler, Set<String> claimed) {
        this.http = http;
        this.slots = slots;
        this.limits = limits;
        this.poller = poller;
        this.reconciler = reconciler;
        this.claimed = claimed;
    }

    /** @param v2 whether {@code body} goes to {@code POST /v2/generations} (results are read through v1 either way) */
    GenerationResult run(ObjectNode body, boolean v2) {
        return run(body, v2, JobListener.NONE);
    }

    /** @param listener told before the create (may throw to cancel: nothing sent) and once the id is known */
    GenerationResult run(ObjectNode body, boolean v2, JobListener listener) {
        String url = v2 ? http.v2("/generations") : http.v1("/generations");
        String what = v2 ? "POST /v2/generations" : "POST /generations";
        // The create window first, the job slot second: a slot held while the window is full would
        // idle, and keep out jobs of other endpoints (upscales) that could run meanwhile.
        RateWindow window = limits.forEndpoint(what);
        RateWindow.Permit permit = http.reserve(window);
        boolean permitUsed = false;
        try {
            acquireSlot();
        } catch (RuntimeException e) {
            window.release(permit);
            throw e;
        }
        boolean holding = true;
        try {
            listener.beforeSend(what, body);
            Instant sentAt = http.clock().instant();
            String id;
            Cost cost = null;
            boolean reconciled = false;
            try {
                JsonNode answer;
                try {
                    permitUsed = true;
                    answer = http.postPaid(url, body, window, permit);
                } catch (LeonardoException refused) {
                    listener.refused(refused); // still holding the slot, so a batch can stop before the next send
                    throw refused;
                }
                JobRef ref = JobRef.find(answer, CREATE_WRAPPERS, "generationId");
                if (ref == null) {
                    throw new UnknownOutcome("Leonardo answered without a generation id", sentAt, null);
                }
                id = ref.id();
                cost = ref.cost();
                synchronized (claimed) {
                    claimed.add(id);
                }
            } catch (UnknownOutcome lost) {
                sentAt = lost.sentAt();
                id = reconciler.find(what, Fingerprint.of(body), sentAt, lost.getMessage());
                reconciled = true;
            }
            listener.submitted(id, cost, reconciled);
            Poller.Done<GenerationView> done = poller.generation(id, sentAt);
            slots.release();
            holding = false;
            GenerationView g = done.value();
            List<GeneratedImage> images = download(g);
            Long seed = g.seed() != null ? g.seed() : GenerationView.seed(body.has("parameters") ? body.get("parameters").get("seed") : body.get("seed"));
            String model = g.modelId() != null ? g.modelId() : v2 ? GenerationView.str(body, "model") : GenerationView.str(body, "modelId");
            return new GenerationResult(id, images, seed, cost, model, reconciled,
                    new Timing(sentAt, done.at(), http.clock().instant(), done.polls()));
        } finally {
            if (!permitUsed) window.release(permit); // cancelled before the send: the permit was never used
            if (holding) slots.release();
        }
    }

    /** Polls and downloads a generation that already exists (resuming after a crash or a deadline). */
    GenerationResult fetch(String id) {
        Instant start = http.clock().instant();
        Poller.Done<GenerationView> done = poller.generation(id, start, false);
        GenerationView g = done.value();
        return new GenerationResult(id, download(g), g.seed(), null, g.modelId(), false,
                new Timing(start, done.at(), http.clock().instant(), done.polls()));
    }

    /** Every image; a download that fails after retries keeps its URL and error instead of losing the image. */
    List<GeneratedImage> download(GenerationView g) {
        List<GeneratedImage> out = new ArrayList<>();
        for (GenerationView.Image img : g.images()) {
            try {
                out.add(new GeneratedImage(img.id(), img.url(), img.nsfw(), http.download(img.url()), null));
            } catch (LeonardoException e) {
                out.add(new GeneratedImage(img.id(), img.url(), img.nsfw(), null, e.getMessage()));
            }
        }
        return out;
    }

    private void acquireSlot() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while waiting for a free Leonardo job slot; nothing was sent.", e);
        }
    }
}
