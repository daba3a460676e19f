package dev.sitter.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The provenance record of one image: everything needed to audit it and to send the exact
 * request again. Stored as JSON (schema {@value #SCHEMA}, documented in docs/library-format.md)
 * in the library and embedded in the image itself.
 *
 * <p>The recipe (character, identity anchor, template/style/camera/negatives ids, definitions
 * hash, script file and line) travels inside {@code request.recipe}; the requested seed is
 * {@code request.seed}, the seed the backend reports is {@code seedReturned}.
 *
 * @param schema            always {@value #SCHEMA} for this layout
 * @param assetId           SHA-256 (lowercase hex) of the image bytes exactly as the backend served them
 * @param aiGenerated       always true: every image Sitter records was made by a model
 * @param digitalSourceType the IPTC digital source type URI written into the image's XMP
 * @param step              lineage step: generate, explore, refine, inpaint, upscale, grade, ...
 * @param parentId          the asset this one was made from, or null for a first generation
 * @param request           the compiled request, recipe included
 * @param seedReturned      the seed the backend reports for this image, or null
 * @param leonardo          the backend's ids for the job and image
 * @param cost              what the job cost, as the backend reported it, or null
 * @param backend           live or sandbox, and the base URL used
 * @param tool              the Sitter version that recorded it, e.g. "sitter/0.1.0"
 * @param times             when it was requested, completed and recorded (ISO-8601 UTC)
 * @param qa                quality checks run on it (may grow after recording)
 * @param files             the stored files: the original bytes and the metadata-carrying copy
 * @param operation         how an image-to-image step (upscale, nobg, inpaint) ran on its parent, beyond
 *                          {@code request}: the endpoint and every parameter sent, and an inpaint's mask;
 *                          null for a plain generation, and in records of schema {@code sitter.provenance/1}
 * @param edit              what a local edit used besides its parent (grade's LUT, composite's patch source,
 *                          mask, feather and denoise), for audit and replay; omitted when there is none
 */
public record Provenance(
        String schema,
        String assetId,
        boolean aiGenerated,
        String digitalSourceType,
        String step,
        String parentId,
        PromptSpec request,
        Long seedReturned,
        BackendIds leonardo,
        Cost cost,
        Backend backend,
        String tool,
        Times times,
        List<QaResult> qa,
        Files files,
        Operation operation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Edit edit) {

    /** What this Sitter writes. Version 2 added {@link #operation} and {@link #edit}. */
    public static final String SCHEMA = "sitter.provenance/2";
    /** Every schema this Sitter reads: version 1 records load with {@code operation} and {@code edit} null. */
    public static final List<String> READABLE = List.of("sitter.provenance/1", SCHEMA);

    /** A record without an {@link Operation} or {@link Edit} (a plain generation, or one recorded before schema 2). */
    public Provenance(String schema, String assetId, boolean aiGenerated, String digitalSourceType, String step,
                      String parentId, PromptSpec request, Long seedReturned, BackendIds leonardo, Cost cost,
                      Backend backend, String tool, Times times, List<QaResult> qa, Files files) {
        this(schema, assetId, aiGenerated, digitalSourceType, step, parentId, request, seedReturned, leonardo, cost, backend,
                tool, times, qa, files, null, null);
    }

    /** A record of a backend operation, with no local {@link Edit}. */
    public Provenance(String schema, String assetId, boolean aiGenerated, String digitalSourceType, String step,
                      String parentId, PromptSpec request, Long seedReturned, BackendIds leonardo, Cost cost,
                      Backend backend, String tool, Times times, List<QaResult> qa, Files files, Operation operation) {
        this(schema, assetId, aiGenerated, digitalSourceType, step, parentId, request, seedReturned, leonardo, cost, backend,
                tool, times, qa, files, operation, null);
    }

    public Provenance {
        qa = qa == null ? List.of() : List.copyOf(qa);
        if (leonardo == null) leonardo = new BackendIds(null, null, null, null);
        if (times == null) times = new Times(null, null, null);
    }

    /** The backend's ids. {@code uploads} maps a local file's SHA-256 to the id it got on upload. */
    public record BackendIds(String generationId, String imageId, String variationId, SortedMap<String, String> uploads) {
        public BackendIds {
            uploads = uploads == null ? new TreeMap<>() : new TreeMap<>(uploads);
        }

        public static BackendIds of(String generationId, String imageId, String variationId, Map<String, String> uploads) {
            return new BackendIds(generationId, imageId, variationId, uploads == null ? null : new TreeMap<>(uploads));
        }
    }

    /** A cost exactly as the backend reported it, e.g. 12 "credits". */
    public record Cost(BigDecimal amount, String unit) {}

    /** Where the image came from: {@code live} (Leonardo) or {@code sandbox}, and the base URL. */
    public record Backend(String kind, String baseUrl) {}

    /** ISO-8601 UTC instants; requested/completed may be null when unknown. */
    public record Times(String requestedAt, String completedAt, String recordedAt) {}

    /**
     * One quality check.
     *
     * @param check  what was checked, e.g. "eyes match the anchors"
     * @param status pass, fail or skip
     * @param score  a score when the check has one, else null
     * @param note   free text, or null
     * @param at     when it was checked (ISO-8601 UTC), or null
     */
    public record QaResult(String check, String status, Double score, String note, String at) {}

    /**
     * One stored file.
     *
     * @param path      path relative to the library root, with '/' separators
     * @param sha256    SHA-256 of the file's bytes
     * @param bytes     its size
     * @param mediaType image/png, image/jpeg, ...
     * @param width     pixels, or null when unknown
     * @param height    pixels, or null when unknown
     */
    public record ImageFile(String path, String sha256, long bytes, String mediaType, Integer width, Integer height) {}

    /** The original (named by the asset id) and the copy with embedded metadata (null if the format has none). */
    public record Files(ImageFile original, ImageFile embedded) {}

    /**
     * How an image-to-image step ran on its parent, so a replay sends exactly the same thing again:
     * the endpoint and every parameter sent, except the fields that name the parent image (its
     * Leonardo ids differ per run, so a replay names the regenerated parent the same way).
     *
     * @param endpoint e.g. {@code /variations/upscale}, {@code /variations/universal-upscaler},
     *                 {@code /variations/nobg}, {@code /generations} (an inpaint)
     * @param params   the other fields as sent, wire names, sorted (e.g. {@code ultraUpscaleStyle},
     *                 {@code upscaleMultiplier}; an inpaint's {@code canvasRequestType}, {@code init_strength})
     * @param mask     an inpaint's mask, or null
     */
    public record Operation(String endpoint, SortedMap<String, Object> params, Mask mask) {
        public Operation {
            params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        }

        public static Operation of(String endpoint, Map<String, ?> params) {
            return new Operation(endpoint, params == null ? null : new TreeMap<>(params), null);
        }
    }

    /**
     * What a local edit (grade, composite) used besides its parent image, enough to do it again: every field is null
     * unless the step has it.
     *
     * @param from       composite: the asset id the patch was taken from
     * @param mask       composite: the mask file as the script named it (its bytes are kept in the library's inputs/)
     * @param maskSha256 its SHA-256, so a replay notices a changed mask
     * @param feather    composite: the blur radius of the patch's edge, in pixels
     * @param denoise    composite: the denoise pass's strength (how much the model repaints; init_strength = 1 - denoise)
     * @param lut        grade: the LUT as written in the script, e.g. luts/teal-orange.cube
     * @param lutFile    grade: the LUT file used, relative to the working folder when inside it (kept in inputs/)
     * @param lutSha256  grade: its SHA-256
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edit(String from, String mask, String maskSha256, Integer feather, Double denoise,
                       String lut, String lutFile, String lutSha256) {
        public static Edit composite(String from, String mask, String maskSha256, int feather, double denoise) {
            return new Edit(from, mask, maskSha256, feather, denoise, null, null, null);
        }

        public static Edit grade(String lut, String lutFile, String lutSha256) {
            return new Edit(null, null, null, null, null, lut, lutFile, lutSha256);
        }
    }

    /**
     * An inpaint's mask. Its bytes are kept in the library, content-addressed, at
     * {@code inputs/sha256/ab/cdef…} (see {@code Library#inputPath}).
     *
     * @param path   the mask file as the script named it (relative to the working folder when inside it)
     * @param sha256 SHA-256 of its bytes
     */
    public record Mask(String path, String sha256) {}

    /**
     * The request to send again to remake this image: the request exactly as recorded, except that
     * a seed left unset at the time is replaced by the seed the backend reported, so a replay is
     * deterministic.
     */
    public PromptSpec toSpec() {
        if (request.seed() == null && seedReturned != null) return request.withSeed(seedReturned);
        return request;
    }

    /** pass when every check passed, fail when any failed, none when there are no checks. */
    @JsonIgnore
    public String qaStatus() {
        if (qa.isEmpty()) return "none";
        for (QaResult r : qa) if ("fail".equalsIgnoreCase(r.status())) return "fail";
        for (QaResult r : qa) if (!"pass".equalsIgnoreCase(r.status())) return "partial";
        return "pass";
    }

    /** The seed that made this image: the returned one when known, else the requested one. */
    @JsonIgnore
    public Long seed() { return seedReturned != null ? seedReturned : request.seed(); }

    @JsonIgnore
    public Recipe recipe() { return request.recipe(); }

    /** A copy with these QA results. */
    public Provenance withQa(List<QaResult> results) {
        return new Provenance(schema, assetId, aiGenerated, digitalSourceType, step, parentId, request, seedReturned,
                leonardo, cost, backend, tool, times, results, files, operation, edit);
    }

    public Provenance withFiles(Files newFiles) {
        return new Provenance(schema, assetId, aiGenerated, digitalSourceType, step, parentId, request, seedReturned,
                leonardo, cost, backend, tool, times, qa, newFiles, operation, edit);
    }
}
