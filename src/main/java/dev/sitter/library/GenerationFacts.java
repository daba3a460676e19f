package dev.sitter.library;

import dev.sitter.model.Provenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the backend said about one generated image, besides its bytes: the facts that go into the
 * provenance record next to the {@link dev.sitter.model.PromptSpec} that asked for it.
 * Build with {@link #builder()}; every field is optional.
 */
public record GenerationFacts(String generationId, String imageId, String variationId, Long seedReturned,
                              Provenance.Cost cost, Provenance.Backend backend, String step, String parentId,
                              Instant requestedAt, Instant completedAt, Map<String, String> uploads,
                              List<Provenance.QaResult> qa, Provenance.Operation operation, Provenance.Edit edit) {

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private String generationId, imageId, variationId, step = "generate", parentId;
        private Long seedReturned;
        private Provenance.Cost cost;
        private Provenance.Backend backend;
        private Instant requestedAt, completedAt;
        private final Map<String, String> uploads = new TreeMap<>();
        private List<Provenance.QaResult> qa = List.of();
        private Provenance.Operation operation;
        private Provenance.Edit edit;

        public Builder generationId(String v) { generationId = v; return this; }
        public Builder imageId(String v) { imageId = v; return this; }
        public Builder variationId(String v) { variationId = v; return this; }
        public Builder seedReturned(Long v) { seedReturned = v; return this; }
        /** The cost exactly as returned, e.g. {@code cost(new BigDecimal("12"), "credits")}. */
        public Builder cost(BigDecimal amount, String unit) { cost = new Provenance.Cost(amount, unit); return this; }
        /** {@code "live"} or {@code "sandbox"}, and the base URL the client used. */
        public Builder backend(String kind, String baseUrl) { backend = new Provenance.Backend(kind, baseUrl); return this; }
        /** Lineage: generate, explore, refine, inpaint, upscale, grade, ... */
        public Builder step(String v) { step = v; return this; }
        public Builder parentId(String v) { parentId = v; return this; }
        public Builder requestedAt(Instant v) { requestedAt = v; return this; }
        public Builder completedAt(Instant v) { completedAt = v; return this; }
        /** A local reference/init file (by SHA-256) and the id the backend gave it on upload. */
        public Builder upload(String sha256, String backendId) { uploads.put(sha256, backendId); return this; }
        public Builder qa(List<Provenance.QaResult> v) { qa = v; return this; }
        /** How an upscale, background removal or inpaint ran on its parent (endpoint, parameters, mask). */
        public Builder operation(Provenance.Operation v) { operation = v; return this; }
        /** A local edit's inputs (LUT, patch source, mask), recorded next to the request. */
        public Builder edit(Provenance.Edit v) { edit = v; return this; }

        public GenerationFacts build() {
            return new GenerationFacts(generationId, imageId, variationId, seedReturned, cost, backend, step, parentId,
                    requestedAt, completedAt, Map.copyOf(uploads), qa, operation, edit);
        }
    }
}
