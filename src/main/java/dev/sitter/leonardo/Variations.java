package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.leonardo.LeonardoException.Kind;

import java.time.Instant;
import java.util.List;

/**
 * Upscale, universal upscale and background removal: one paid POST, poll {@code GET /variations/{id}},
 * download. A lost answer cannot be reconciled (Leonardo lists no variations by user), so it fails
 * with a message naming the image to check, and is never resent.
 */
final class Variations {
    private final ApiTransport http;
    private final JobSlots slots;
    private final EndpointLimits limits;
    private final Poller poller;

    Variations(ApiTransport http, JobSlots slots, EndpointLimits limits, Poller poller) {
        this.http = http;
        this.slots = slots;
        this.limits = limits;
        this.poller = poller;
    }

    VariationResult run(String path, ObjectNode body, List<String> wrappers, String sourceId) {
        String what = "POST " + path;
        // The create window first, then a job slot, so no slot idles while the window is full.
        RateWindow window = limits.forEndpoint(what);
        RateWindow.Permit permit = http.reserve(window);
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            window.release(permit);
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while waiting for a free Leonardo job slot; nothing was sent.", e);
        }
        boolean holding = true;
        try {
            Instant sentAt = http.clock().instant();
            JobRef ref;
            try {
                ref = JobRef.find(http.postPaid(http.v1(path), body, window, permit), wrappers, "id");
            } catch (UnknownOutcome lost) {
                throw uncertain(what, sourceId, lost.getMessage(), lost);
            }
            if (ref == null) throw uncertain(what, sourceId, "Leonardo answered without a job id", null);
            Poller.Done<VariationView> done = poller.variation(ref.id(), sentAt);
            slots.release();
            holding = false;
            VariationView v = done.value();
            if (v.url() == null) {
                throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo reports variation " + ref.id()
                        + " COMPLETE but gives no URL; fetch it later from app.leonardo.ai.").forGeneration(ref.id());
            }
            byte[] bytes = null;
            String error = null;
            try {
                bytes = http.download(v.url());
            } catch (LeonardoException e) {
                error = e.getMessage();
            }
            return new VariationResult(ref.id(), v.transformType(), v.url(), bytes, error, ref.cost(),
                    new Timing(sentAt, done.at(), http.clock().instant(), done.polls()));
        } finally {
            if (holding) slots.release();
        }
    }

    private static LeonardoException uncertain(String what, String sourceId, String why, Throwable cause) {
        return new LeonardoException(Kind.UNCERTAIN, what + " for image " + sourceId + " got no clear answer (" + why
                + "). Sitter did not resend it, so at most one job was paid for. Look at that image on app.leonardo.ai: "
                + "if the variation is not there, run the command again.", 0, null, null, null, cause);
    }

}
