package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.leonardo.LeonardoException.Kind;
import dev.sitter.model.InitImage;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.ReferenceImage;
import dev.sitter.model.Surface;
import dev.sitter.util.Levenshtein;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The Leonardo API client: every portrait operation, the same code for live Leonardo and the offline
 * sandbox (only {@link ClientConfig#baseUrl()} differs). Thread-safe; share one per process.
 *
 * <p>Money rules: a paid request is sent once; a lost answer is reconciled against the account's
 * history, never resent blindly; at most {@link #slots()} jobs run at once and creates stay under
 * Leonardo's per-minute limits, so batches queue instead of failing. Every failure is a
 * {@link LeonardoException} with one clear sentence.
 */
public final class LeonardoClient implements AutoCloseable {
    private static final Pattern UUID_LIKE = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> UPSCALE_WRAPPERS = List.of("sdUpscaleJob", "sdUpscalerJob", "sdUpscalerjob", "upscaleJob");
    private static final List<String> UNIVERSAL_WRAPPERS = List.of("universalUpscaler", "universalUpscalerJob");
    private static final List<String> NOBG_WRAPPERS = List.of("sdNobgJob", "nobgJob");

    private final ClientConfig config;
    private final ApiTransport http;
    private final Uploads uploads;
    private final JobSlots slots;
    private final Generations generations;
    private final Variations variations;
    private final EndpointLimits limits;
    private final Set<String> claimed = new HashSet<>();
    private volatile Me me;
    private volatile List<PlatformModel> models;

    private LeonardoClient(ClientConfig config, Sleeper sleeper, Clock clock, okhttp3.Interceptor tap) {
        this.config = config;
        this.http = new ApiTransport(config, sleeper, clock, tap);
        this.uploads = new Uploads(http, new UploadCache(config.cacheDir(), config.baseUrl()));
        this.slots = new JobSlots(config.maxInFlight(), () -> {
            Integer n = me().apiConcurrencySlots();
            return n == null ? JobSlots.DEFAULT : n;
        });
        this.limits = new EndpointLimits(config.createsPerMinute());
        Poller poller = new Poller(http, config.poll());
        Reconciler reconciler = new Reconciler(http, () -> me().userId(), config, claimed);
        this.generations = new Generations(http, slots, limits, poller, reconciler, claimed);
        this.variations = new Variations(http, slots, limits, poller);
    }

    public static LeonardoClient create(ClientConfig config) {
        return new LeonardoClient(config, Sleeper.REAL, Clock.systemUTC(), null);
    }

    /** For tests: record waits instead of sleeping, or run on a fixed clock. */
    public static LeonardoClient create(ClientConfig config, Sleeper sleeper, Clock clock) {
        return new LeonardoClient(config, sleeper, clock, null);
    }

    /** For tests: also run {@code tap} on every network exchange (it sees requests after the key is attached). */
    static LeonardoClient create(ClientConfig config, Sleeper sleeper, Clock clock, okhttp3.Interceptor tap) {
        return new LeonardoClient(config, sleeper, clock, tap);
    }

    public ClientConfig config() { return config; }

    /** True when talking to the real Leonardo (credits are spent). */
    public boolean isLive() { return config.live(); }

    /** Jobs allowed at once (from the configuration, or /me's apiConcurrencySlots). */
    public int slots() { return slots.size(); }

    // ------------------------------------------------------------------ generate

    /** Generates {@code spec}, reading local reference/init images relative to the working directory. */
    public GenerationResult generate(PromptSpec spec) {
        return generate(spec, ImageSource.relativeTo(Path.of("")));
    }

    /**
     * Uploads the spec's local images (once per file, cached by SHA-256), sends the create once,
     * polls to COMPLETE and downloads every image. V1 or v2 follows {@link PromptSpec#surface()}.
     */
    public GenerationResult generate(PromptSpec spec, ImageSource images) {
        return generate(spec, images, JobListener.NONE);
    }

    /** As {@link #generate(PromptSpec, ImageSource)}, telling {@code listener} before the paid POST and once the id is known. */
    public GenerationResult generate(PromptSpec spec, ImageSource images, JobListener listener) {
        PromptSpec resolved = withModelId(spec);
        ObjectNode body = GenerationBody.of(resolved, uploadAll(resolved, images));
        return generations.run(body, resolved.surface() == Surface.V2, listener);
    }

    /** The exact body {@link #generate} would send, with placeholders for ids not uploaded yet (a dry run). */
    public ObjectNode previewBody(PromptSpec spec) {
        return GenerationBody.of(spec, ImageIds.placeholders());
    }

    /**
     * Image-to-image from an image Leonardo generated ({@code init_generation_image_id}); the spec's
     * references stay. For a local source file set {@link PromptSpec#init()} and call {@link #generate}.
     */
    public GenerationResult refine(PromptSpec spec, String generatedImageId, double strength, ImageSource images) {
        return refine(spec, generatedImageId, strength, images, JobListener.NONE);
    }

    public GenerationResult refine(PromptSpec spec, String generatedImageId, double strength, ImageSource images, JobListener listener) {
        if (strength < 0.1 || strength > 0.9) {
            throw new IllegalArgumentException("refine strength (init_strength) must be between 0.1 and 0.9, not " + strength);
        }
        return generate(spec.withInit(new InitImage(null, null, generatedImageId, strength)), images, listener);
    }

    /**
     * Canvas inpainting: uploads {@code init} and {@code mask} (same size, multiples of 8; white is
     * repainted) and runs the spec as an INPAINT canvas request with {@code initStrength} (0-0.8).
     */
    public GenerationResult inpaint(PromptSpec spec, byte[] init, byte[] mask, double initStrength, ImageSource images) {
        return inpaint(spec, init, mask, initStrength, images, JobListener.NONE);
    }

    public GenerationResult inpaint(PromptSpec spec, byte[] init, byte[] mask, double initStrength, ImageSource images,
                                    JobListener listener) {
        PromptSpec resolved = withModelId(spec);
        ImageIds ids = uploadAll(resolved, images);
        Uploads.CanvasIds canvas = uploads.canvas(init, mask, "the inpainting image", "the mask");
        return generations.run(GenerationBody.canvasInpaint(resolved, ids, canvas.initId(), canvas.maskId(), initStrength), false, listener);
    }

    /**
     * Runs many specs, at most {@link #slots()} at once; the rest queue in order. Each outcome holds
     * a result or an error. A key or credit problem stops the batch: later specs are not sent.
     */
    public List<BatchOutcome> generateAll(List<PromptSpec> specs, ImageSource images) {
        return generateAll(specs, images, i -> JobListener.NONE);
    }

    /** As {@link #generateAll(List, ImageSource)}, with a listener per spec (by index) for journaling. */
    public List<BatchOutcome> generateAll(List<PromptSpec> specs, ImageSource images, java.util.function.IntFunction<JobListener> listeners) {
        int workers = Math.max(1, Math.min(specs.size(), slots() * 2)); // extra threads download while others hold slots
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "leonardo-batch");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<LeonardoException> stop = new AtomicReference<>();
        try {
            List<Future<BatchOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                int index = i;
                PromptSpec spec = specs.get(i);
                JobListener user = listeners.apply(index);
                Runnable checkStop = () -> {
                    LeonardoException fatal = stop.get();
                    if (fatal != null) {
                        throw new LeonardoException(fatal.kind(), "Not sent, because an earlier request in this batch failed: "
                                + fatal.getMessage());
                    }
                };
                JobListener unlessStopped = new JobListener() {
                    @Override public void beforeSend(String endpoint, ObjectNode body) {
                        checkStop.run();
                        user.beforeSend(endpoint, body);
                    }

                    @Override public void submitted(String generationId, Cost cost, boolean reconciled) {
                        user.submitted(generationId, cost, reconciled);
                    }

                    @Override public void refused(LeonardoException e) {
                        if (e.kind() == Kind.BAD_KEY || e.kind() == Kind.OUT_OF_CREDITS) stop.compareAndSet(null, e);
                        user.refused(e);
                    }
                };
                futures.add(pool.submit(() -> {
                    try {
                        checkStop.run();
                        return new BatchOutcome(index, spec, generate(spec, images, unlessStopped), null);
                    } catch (LeonardoException e) {
                        if ((e.kind() == Kind.BAD_KEY || e.kind() == Kind.OUT_OF_CREDITS) && !e.getMessage().startsWith("Not sent")) {
                            stop.compareAndSet(null, e);
                        }
                        return new BatchOutcome(index, spec, null, e);
                    } catch (IllegalArgumentException e) {
                        return new BatchOutcome(index, spec, null, new LeonardoException(Kind.INVALID_FIELD, e.getMessage(), e));
                    }
                }));
            }
            List<BatchOutcome> out = new ArrayList<>();
            for (Future<BatchOutcome> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeonardoException(Kind.UNKNOWN, "Interrupted while the batch was running; jobs already sent keep running on Leonardo.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new LeonardoException(Kind.UNKNOWN, "A batch job crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for and downloads a generation that already exists (resume after a crash or a deadline). */
    public GenerationResult fetch(String generationId) {
        return generations.fetch(generationId);
    }

    /** {@code GET /generations/{id}} once, no waiting. */
    public GenerationView generation(String generationId) {
        JsonNode g = http.get(http.v1("/generations/" + generationId)).get("generations_by_pk");
        if (g == null || g.isNull()) throw new LeonardoException(Kind.NOT_FOUND, "Leonardo has no generation " + generationId + ".");
        return GenerationView.parse(g);
    }

    /** {@code GET /generations/user/{userId}}, newest first. */
    public List<GenerationView> generationsByUser(String userId, int offset, int limit) {
        JsonNode gens = http.get(http.v1("/generations/user/" + userId + "?offset=" + offset + "&limit=" + limit)).path("generations");
        List<GenerationView> out = new ArrayList<>();
        if (gens.isArray()) for (JsonNode n : gens) out.add(GenerationView.parse(n));
        return out;
    }

    /** {@code DELETE /generations/{id}}. */
    public void deleteGeneration(String generationId) {
        http.delete(http.v1("/generations/" + generationId));
    }

    // ------------------------------------------------------------------ uploads

    /** Uploads an image (PNG, JPEG or WebP) once per content and returns its init-image id. */
    public String uploadImage(byte[] data, String label) {
        return uploads.initImageId(data, label);
    }

    private ImageIds uploadAll(PromptSpec spec, ImageSource images) {
        Map<String, String> ids = new HashMap<>();
        for (ReferenceImage r : spec.references()) {
            if (r.isUploaded() && !ids.containsKey(r.sha256())) {
                ids.put(r.sha256(), uploads.initImageId(images.read(r.path(), r.sha256()), r.path()));
            }
        }
        InitImage init = spec.init();
        if (init != null && init.isUploaded() && !ids.containsKey(init.sha256())) {
            ids.put(init.sha256(), uploads.initImageId(images.read(init.path(), init.sha256()), init.path()));
        }
        return sha -> {
            String id = ids.get(sha);
            if (id == null) throw new IllegalStateException("no upload for image " + sha);
            return id;
        };
    }

    // ------------------------------------------------------------------ variations

    /** {@code POST /variations/upscale} on a generated image; waits and downloads. */
    public VariationResult upscale(String generatedImageId) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", generatedImageId);
        return variations.run("/variations/upscale", body, UPSCALE_WRAPPERS, generatedImageId);
    }

    /** {@code POST /variations/universal-upscaler}; waits and downloads. */
    public VariationResult universalUpscale(UniversalUpscale request) {
        return variations.run("/variations/universal-upscaler", request.body(), UNIVERSAL_WRAPPERS, request.sourceId());
    }

    /** {@code POST /variations/nobg}; {@code isVariation} when the id is an earlier variation's. */
    public VariationResult removeBackground(String imageId, boolean isVariation) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", imageId).put("isVariation", isVariation);
        return variations.run("/variations/nobg", body, NOBG_WRAPPERS, imageId);
    }

    // ------------------------------------------------------------------ account, models, helpers

    /** {@code GET /me}, cached after the first call; {@link #refreshMe()} re-reads balances. */
    public Me me() {
        Me m = me;
        if (m == null) me = m = Me.parse(http.get(http.v1("/me")));
        return m;
    }

    public Me refreshMe() {
        me = null;
        return me();
    }

    /** {@code GET /platformModels}, cached per client. */
    public List<PlatformModel> models() {
        List<PlatformModel> m = models;
        if (m != null) return m;
        List<PlatformModel> out = new ArrayList<>();
        for (JsonNode n : http.get(http.v1("/platformModels")).path("custom_models")) {
            String id = GenerationView.str(n, "id"), name = GenerationView.str(n, "name");
            if (id != null && name != null) {
                out.add(new PlatformModel(id, name, GenerationView.str(n, "description"),
                        n.path("nsfw").asBoolean(false), n.path("featured").asBoolean(false)));
            }
        }
        return models = List.copyOf(out);
    }

    /** A model id for a platform model name (case-insensitive) or an id; suggests close names when unknown. */
    public String resolveModel(String nameOrId) {
        if (UUID_LIKE.matcher(nameOrId.strip()).matches()) return nameOrId.strip();
        String want = nameOrId.strip().toLowerCase(Locale.ROOT);
        List<PlatformModel> all = models();
        for (PlatformModel m : all) if (m.name().strip().toLowerCase(Locale.ROOT).equals(want)) return m.id();
        List<String> close = all.stream().map(PlatformModel::name)
                .sorted(Comparator.comparingInt(n -> Levenshtein.distance(n.toLowerCase(Locale.ROOT), want)))
                .limit(3).toList();
        throw new LeonardoException(Kind.INVALID_FIELD, "Leonardo has no platform model named '" + nameOrId + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close.stream().map(n -> "'" + n + "'").toList()) + "?")
                + " `sitter account --models` lists the names; a model id works too.", 0, "modelId", null, null, null);
    }

    private PromptSpec withModelId(PromptSpec spec) {
        if (spec.modelId() != null || spec.modelName() == null) return spec;
        if (spec.surface() == Surface.V2) return spec.toBuilder().modelId(spec.modelName().strip()).build(); // v2 models are named by slug
        return spec.toBuilder().modelId(resolveModel(spec.modelName())).build();
    }

    /** {@code POST /pricing-calculator} for any service with raw parameters. */
    public Estimate estimate(String service, Map<String, Object> params) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("service", service);
        body.putObject("serviceParams").set(service, Json.MAPPER.valueToTree(params));
        JsonNode c = http.postFree(http.v1("/pricing-calculator"), body).path("calculateProductionApiServiceCost").get("cost");
        if (c == null || !c.isNumber()) {
            throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo's pricing calculator gave no cost for " + service + ".");
        }
        return new Estimate(service, c.asLong());
    }

    /** An IMAGE_GENERATION estimate for a v1 spec (the calculator knows no v2 models). */
    public Estimate estimate(PromptSpec spec) {
        return estimate("IMAGE_GENERATION", PricingParams.imageGeneration(withModelId(spec)));
    }

    /** {@code POST /prompt/improve} (paid, sent once): Leonardo rewrites a prompt under 200 characters. */
    public ImprovedPrompt improvePrompt(String prompt, String instructions) {
        if (prompt == null || prompt.isBlank() || prompt.length() >= 200) {
            throw new LeonardoException(Kind.INVALID_FIELD, "Leonardo's prompt improver takes a prompt of 1-199 characters; this one has "
                    + (prompt == null ? 0 : prompt.length()) + ". Shorten it (nothing was sent).", 0, "prompt", null, null, null);
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("prompt", prompt);
        if (instructions != null) body.put("promptInstructions", instructions);
        try {
            JsonNode r = http.postPaid(http.v1("/prompt/improve"), body, limits.forEndpoint("POST /prompt/improve"));
            JsonNode g = r.path("promptGeneration");
            String p = GenerationView.str(g, "prompt");
            if (p == null) throw new LeonardoException(Kind.BAD_RESPONSE, "Leonardo's answer to POST /prompt/improve had no prompt.");
            return new ImprovedPrompt(p, Cost.from(g));
        } catch (UnknownOutcome lost) {
            throw new LeonardoException(Kind.UNCERTAIN, "POST /prompt/improve got no clear answer (" + lost.getMessage()
                    + "); Sitter did not resend it. Run it again if you still want the rewrite.", 0, null, null, null, lost);
        }
    }

    @Override public void close() { http.close(); }

    @Override public String toString() {
        return "LeonardoClient[" + (config.live() ? "live " : "sandbox ") + config.baseUrl() + ", key ***]";
    }
}
