package dev.sitter.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.dsl.DslException;
import dev.sitter.dsl.Studio;
import dev.sitter.leonardo.Cost;
import dev.sitter.leonardo.GeneratedImage;
import dev.sitter.leonardo.GenerationResult;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.leonardo.JobListener;
import dev.sitter.leonardo.LeonardoClient;
import dev.sitter.leonardo.LeonardoException;
import dev.sitter.leonardo.VariationResult;
import dev.sitter.library.GenerationFacts;
import dev.sitter.library.Journal;
import dev.sitter.library.Library;
import dev.sitter.library.Masters;
import dev.sitter.model.Provenance;
import dev.sitter.library.RecordedAsset;
import dev.sitter.model.InitImage;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.imaging.drift.DriftScorer;
import dev.sitter.pipeline.CompositeOptions;
import dev.sitter.pipeline.PipelineException;
import dev.sitter.pipeline.PipelineRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The real {@link Studio}: runs the DSL's commands through the Leonardo client (live or sandbox)
 * and records every image in the library. Intent is journaled before each paid request and
 * completed once the images and records are durable, so a killed run loses nothing it paid for.
 */
public final class LeonardoStudio implements Studio {
    private final Supplier<Backend> backends;
    private final Library library;
    private final ImageSource images;
    private final Consumer<Asset> onAsset;
    /** Who chooses the winners of {@code select by: 'ask'}; null (or an empty relay) when nobody can be asked. */
    private volatile dev.sitter.pipeline.WinnerPicker picker;
    /** Told of every finished pipeline run: {@code sitter run} prints it (the console prints the returned value instead). */
    private Consumer<PipelineOutcome> onPipeline = outcome -> { };
    /** Credits charged for the images this Studio recorded (each record carries its share of its job's cost). */
    private java.math.BigDecimal spent = java.math.BigDecimal.ZERO;

    /**
     * @param images  reads reference files (paths as compiled, relative to the script)
     * @param onAsset told about every asset recorded (the console's session list, progress)
     */
    public LeonardoStudio(Backend backend, Library library, ImageSource images, Consumer<Asset> onAsset) {
        this(() -> backend, library, images, onAsset);
    }

    /** As above, with the backend opened on first use (see {@link LazyBackend}). */
    public LeonardoStudio(Supplier<Backend> backends, Library library, ImageSource images, Consumer<Asset> onAsset) {
        this.backends = backends;
        this.library = library;
        this.images = images;
        this.onAsset = onAsset;
    }

    /** Who hears of each finished pipeline run (its steps, images, resumption and report); returns this. */
    public LeonardoStudio onPipeline(Consumer<PipelineOutcome> listener) {
        this.onPipeline = listener == null ? outcome -> { } : listener;
        return this;
    }

    private LeonardoClient client() { return backends.get().client(); }

    /** Sets who answers {@code select by: 'ask'} in pipeline runs (the console, or {@code sitter run} on a terminal). */
    public void setWinnerPicker(dev.sitter.pipeline.WinnerPicker picker) { this.picker = picker; }

    /** The picker if someone is there to answer now: a relay counts only once the console has set who answers. */
    private dev.sitter.pipeline.WinnerPicker picker() {
        dev.sitter.pipeline.WinnerPicker p = picker;
        return p instanceof dev.sitter.pipeline.WinnerPicker.Relay relay && relay.target() == null ? null : p;
    }

    @Override public List<Asset> generate(PromptSpec spec) {
        return generate(spec, "generate");
    }

    /** As {@link #generate(PromptSpec)}, recorded as lineage step {@code step} (e.g. "explore"). */
    List<Asset> generate(PromptSpec spec, String step) {
        return paid(step, spec, null, listener -> client().generate(spec, images, listener));
    }

    @Override public Asset refine(Object asset, PromptSpec spec, double strength) {
        Asset parent = asset(asset, "refine");
        // Refining a winner makes one image of it, whatever batch size made the winner.
        PromptSpec base = spec != null ? spec : parent.spec().toBuilder().init(null).numImages(1).build();
        List<Asset> made;
        if (parent.variation()) {
            // Variation ids (upscales, nobg) cannot be init_generation_image_id: send the file itself.
            PromptSpec withInit = base.withInit(new InitImage(parent.path().toString(), sha(parent.path()), null, strength));
            made = paid("refine", withInit, parent.id(), l -> client().generate(withInit, images, l));
        } else {
            PromptSpec withInit = base.withInit(new InitImage(null, null, parent.leonardoImageId(), strength));
            made = paid("refine", withInit, parent.id(), l -> client().refine(base, parent.leonardoImageId(), strength, images, l));
        }
        return made.size() == 1 ? made.get(0) : first(made, "refine");
    }

    @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) {
        Asset parent = asset(asset, "inpaint");
        PromptSpec base = spec != null ? spec : parent.spec().toBuilder().init(null).build();
        byte[] maskBytes = read(mask);
        List<Asset> made = inpaint(parent, maskBytes, recordedPath(mask), base, strength == null ? 0.5 : strength);
        return made.size() == 1 ? made.get(0) : made;
    }

    /**
     * Inpaints {@code parent} with a mask and records the operation (the mask kept in the library's
     * inputs/, named by path and SHA-256), so {@code replay} can send it again.
     *
     * @param maskPath the mask as the script named it (recorded, not read)
     */
    List<Asset> inpaint(Asset parent, byte[] maskBytes, String maskPath, PromptSpec base, double strength) {
        byte[] init = read(parent.path());
        String maskSha = libraryCall(() -> library.storeInput(maskBytes));
        java.util.SortedMap<String, Object> params = new java.util.TreeMap<>(Map.of(
                "canvasRequest", true, "canvasRequestType", "INPAINT", "init_strength", strength));
        Provenance.Operation op = new Provenance.Operation(INPAINT_ENDPOINT, params, new Provenance.Mask(maskPath, maskSha));
        return paid("inpaint", base, parent.id(), op, null, l -> client().inpaint(base, init, maskBytes, strength, images, l));
    }

    static final String INPAINT_ENDPOINT = "/generations";

    /**
     * Keeps a local edit's input file (a composite's mask, a grade's LUT) in the library's inputs/,
     * content-addressed, so the record that names its SHA-256 replays and packs even after the
     * user's file changes or moves.
     *
     * @param bytes the input as it was used (read once by the caller)
     * @return its SHA-256
     */
    String keepInput(byte[] bytes) {
        return libraryCall(() -> library.storeInput(bytes));
    }

    /**
     * A local input's path for the record (a mask, a LUT): relative to the script's folder when inside
     * it (as the script names it), else relative to the working folder when inside that, else only its
     * file name, so records (and the packs and PNGs that carry them) never spell out the user's folders.
     * Only a name for people: replays read the library's kept copy by SHA-256.
     */
    String recordedPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path scriptDir = images.locate("");
        for (Path base : java.util.Arrays.asList(scriptDir == null ? null : scriptDir.toAbsolutePath().normalize(),
                Path.of("").toAbsolutePath())) {
            if (base != null && abs.startsWith(base)) return base.relativize(abs).toString().replace('\\', '/');
        }
        return abs.getFileName().toString();
    }

    @Override public Asset upscale(Object asset, Map<String, Object> options) {
        return vary("upscale", asset(asset, "upscale"), VariationOps.upscale(options));
    }

    @Override public Asset removeBackground(Object asset) {
        return vary("nobg", asset(asset, "removeBackground"), VariationOps.removeBackground());
    }

    /** Runs a variation (upscale, nobg) on {@code parent}: the operation is sent as is, and recorded. */
    Asset vary(String step, Asset parent, Provenance.Operation op) {
        return variation(step, parent, op, () -> VariationOps.send(client(), op, parent));
    }

    /**
     * {@code composite shot, from: master(mara), mask: 'masks/eyes.png'}: pastes the mask's white part of
     * the verified image {@code from} onto {@code asset} with a feathered edge, then a light denoise pass
     * (canvas inpainting through the same feathered mask, init_strength = 1 - denoise) blends it in.
     * Recorded as step {@code composite} with the patch source, the mask's path and SHA-256, the feather
     * and the denoise strength, so {@code sitter replay} can do it again.
     */
    @Override public Asset composite(Object asset, Object from, Path mask, Double denoise, Integer feather) {
        Asset parent = asset(asset, "composite");
        Asset source = patchSource(from);
        return composite(parent, source, mask, denoise == null ? CompositeOptions.DEFAULT_DENOISE : denoise,
                feather == null ? CompositeOptions.DEFAULT_FEATHER : feather, null);
    }

    /**
     * The composite itself; {@code recorded} is the request to send again on a replay (null: the parent's, at its size).
     * Every composite (command, pipeline step, replay of a pack's untrusted record) comes through here, so the
     * options' ranges are checked here; the mask is read once and the same bytes are used, hashed and kept.
     */
    Asset composite(Asset parent, Asset source, Path mask, double denoise, int feather, PromptSpec recorded) {
        try {
            new CompositeOptions(denoise, feather);
        } catch (CompositeOptions.OutOfRange e) {
            throw new DslException(e.getMessage());
        }
        byte[] maskBytes = imaging(() -> dev.sitter.imaging.Masks.readBytes(mask));
        PatchComposite pc = imaging(() -> PatchComposite.of(read(library.objectPath(parent.id())), "image " + parent.shortId(),
                read(library.objectPath(source.id())), "patch source " + source.shortId(), mask, maskBytes, feather));
        PromptSpec spec = recorded != null ? recorded : canvasSpec(parent.spec(), null, pc.width(), pc.height(), "composite");
        String maskSha = keepInput(maskBytes);
        Provenance.Edit edit = Provenance.Edit.composite(source.id(), recordedPath(mask), maskSha, feather, denoise);
        double initStrength = Math.round((1 - denoise) * 10_000) / 10_000.0;
        java.util.SortedMap<String, Object> params = new java.util.TreeMap<>(Map.of(
                "canvasRequest", true, "canvasRequestType", "INPAINT", "init_strength", initStrength));
        Provenance.Operation op = new Provenance.Operation(INPAINT_ENDPOINT, params, null);
        List<Asset> made = paid("composite", spec, parent.id(), op, edit,
                l -> client().inpaint(spec, pc.pasted(), pc.mask(), initStrength, images, l));
        return first(made, "composite");
    }

    /**
     * The request for a canvas edit of an image: its own request for one image at the image's actual
     * size (an upscale's record keeps the size it was made from), with {@code prompt} replacing the
     * prompt, or added to it when it starts with '+'.
     */
    static PromptSpec canvasSpec(PromptSpec own, String prompt, int width, int height, String step) {
        if (width % 8 != 0 || height % 8 != 0 || width < 32 || height < 32 || width > 2048 || height > 2048) {
            throw new DslException(step + " paints through Leonardo's canvas, which takes images of 32-2048 pixels a side in"
                    + " multiples of 8; this one is " + width + "x" + height + ". Fix: " + step + " before upscaling (e.g. right"
                    + " after refine), or on an image of such a size");
        }
        PromptSpec.Builder b = own.toBuilder().init(null).numImages(1).size(width, height);
        if (prompt != null) {
            b.prompt(prompt.startsWith("+") ? own.prompt() + ", " + prompt.substring(1).strip() : prompt);
        }
        return b.build();
    }

    /** A patch source as written: an asset, or an asset id (prefix) in the library; it must exist and must not have failed QA. */
    Asset patchSource(Object from) {
        Asset source;
        if (from instanceof CharSequence id) {
            String resolved;
            try {
                resolved = library.resolve(id.toString());
            } catch (dev.sitter.library.LibraryException e) {
                throw new DslException("composite from: '" + id + "' is not an asset in the library at " + library.root() + " ("
                        + e.getMessage() + "). Fix: give the id of a verified image (`sitter ls` lists them), an asset a command"
                        + " returned, or the character's master (master(mara); 'master' in a pipeline)");
            }
            source = fromLibrary(library, resolved);
        } else if (from instanceof Asset || from instanceof List<?>) {
            source = asset(from, "composite from:");
        } else {
            throw new DslException("composite from: takes the verified image to copy the patch from (an asset, an asset id, or"
                    + " master(mara)); got " + describe(from));
        }
        if ("fail".equals(source.provenance().qaStatus())) {
            String failed = source.provenance().qa().stream().filter(q -> "fail".equalsIgnoreCase(q.status()))
                    .map(Provenance.QaResult::check).reduce((a, b) -> a + "', '" + b).orElse("");
            throw new DslException("composite from: asset " + source.shortId() + " failed QA ('" + failed + "'), and a composite"
                    + " copies its patch only from a verified image. Fix: pick an image that passed QA (e.g. the character's"
                    + " master), or record a pass for it if the check was wrong");
        }
        return source;
    }

    /**
     * Records an image Sitter made locally from {@code parent} (a grade): free, with the parent's request
     * and backend (its pixels came from there), the lineage and what the edit used.
     */
    Asset recordLocal(String step, Asset parent, byte[] bytes, Provenance.Edit edit) {
        Provenance.Backend b = parent.provenance().backend();
        // Zero in the parent's unit (Leonardo's "CREDITS"), so ledger totals and `diff` see one unit.
        Provenance.Cost parentCost = parent.provenance().cost();
        String unit = parentCost != null && parentCost.unit() != null ? parentCost.unit() : "CREDITS";
        GenerationFacts.Builder facts = GenerationFacts.builder().step(step).parentId(parent.id())
                .seedReturned(parent.provenance().seedReturned()).cost(BigDecimal.ZERO, unit).edit(edit)
                .requestedAt(Instant.now()).completedAt(Instant.now());
        if (b != null) facts.backend(b.kind(), b.baseUrl());
        return record(bytes, parent.spec(), facts.build(), null, false);
    }

    @Override public Object estimate(PromptSpec spec) {
        return guard(() -> client().estimate(spec));
    }

    @Override public boolean charges() { return true; }

    @Override public long quote(PromptSpec spec) {
        return guard(() -> client().estimate(spec)).cost();
    }

    /**
     * What Leonardo charges for a background removal. Its pricing calculator has no service for it, so
     * this is the figure the sandbox charges (docs/sandbox.md); the ledger keeps what was really charged.
     */
    static final long NOBG_CREDITS = 5;
    /** The classic upscaler (mode: 'classic'): no calculator service either; the sandbox's charge. */
    static final long CLASSIC_UPSCALE_CREDITS = UpscalePrice.CLASSIC_CREDITS;

    /** The price of a paid command on an earlier image, built from the very request the command sends. */
    @Override public long quote(String command, Object asset, PromptSpec spec, Map<String, Object> options) {
        Asset parent = asset(asset, command);
        return switch (command) {
            case "refine" -> quote(spec != null ? spec : parent.spec().toBuilder().init(null).numImages(1).build());
            case "inpaint" -> quote(spec != null ? spec : parent.spec().toBuilder().init(null).build());
            case "composite" -> quote(canvasSpec(parent.spec(), null, width(parent, command), height(parent, command), "composite"));
            case "removeBackground" -> NOBG_CREDITS;
            case "upscale" -> quoteUpscale(VariationOps.upscale(options), width(parent, command), height(parent, command));
            default -> throw new DslException("cannot price " + command);
        };
    }

    /** The upscale exactly as it will be sent (the same {@link VariationOps} value), priced as a pipeline prices it. */
    private long quoteUpscale(Provenance.Operation op, int width, int height) {
        return guard(() -> UpscalePrice.of(client(), op, width, height));
    }

    private static int width(Asset a, String command) {
        Integer w = a.provenance().files().original().width();
        if (w == null) throw unknownSize(a, command);
        return w;
    }

    private static int height(Asset a, String command) {
        Integer h = a.provenance().files().original().height();
        if (h == null) throw unknownSize(a, command);
        return h;
    }

    /**
     * Asked only when a budget is set: Sitter reads the size of PNG and JPEG files only, so an image in
     * another format (e.g. a WebP) has none recorded, and a price that depends on the size cannot be known.
     */
    private static DslException unknownSize(Asset a, String command) {
        return new DslException("budget: cannot price " + command + " of " + a.shortId() + " before sending, so it was not sent: its"
                + " price depends on the image's size, and its record has none (Sitter reads the size of PNG and JPEG images"
                + " only; this one is " + a.provenance().files().original().mediaType() + "). To go ahead, lift the budget for"
                + " this command (budget null, then set it again), or " + command + " a PNG or JPEG version of the image").token("budget");
    }

    @Override public java.math.BigDecimal spent() {
        synchronized (this) { return spent; }
    }

    @Override public void charged(BigDecimal credits) {
        synchronized (this) { spent = spent.add(credits); }
    }

    /**
     * {@code estimate 'pack', character: mara, ...}: the pipeline's paid ops priced by the
     * calculator, batched as {@link #runPipeline} would batch them; nothing is generated.
     */
    @Override public dev.sitter.pipeline.PipelineEstimate estimateRun(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        try {
            dev.sitter.pipeline.RunProgress progress = dev.sitter.pipeline.RunProgress.of(runDir(pipeline, spec), pipeline, seed(spec));
            return guard(() -> new dev.sitter.pipeline.PipelinePricer(PipelineRunner.DEFAULT_MAX_BATCH)
                    .estimate(pipeline, spec.recipe().characterId(), new StudioPriceList(client(), spec), progress));
        } catch (PipelineException e) {
            throw new DslException(e.getMessage());
        }
    }

    @Override public Object credits() {
        return guard(() -> client().refreshMe()); // the balance moves with every job: never a cached one
    }

    @Override public Object models() {
        return guard(() -> client().models());
    }

    /**
     * {@code run 'pack', character: mara, template: 'canonical', seed: 4242}: the pipeline's steps on
     * this Studio. The run folder ({@code runs/PIPELINE-CHARACTER-SEED} in the library) holds the
     * run's own journal, so the same command after a kill resumes where it stopped.
     */
    @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        long seed = seed(spec);
        String runId = runId(pipeline, spec);
        PipelineRunner.Settings settings = PipelineRunner.Settings
                .of(runDir(pipeline, spec), runId, seed, driftScorer(spec))
                .withResolver(resolveFile(pipeline)).withPicker(picker())
                .withRecipes(new LibraryRecipes(library));
        try {
            PipelineRunner.RunResult result = new PipelineRunner(new StudioPortraitOps(this, library, spec), settings).run(pipeline);
            PipelineOutcome outcome = new PipelineOutcome(pipeline.id(), result);
            onPipeline.accept(outcome);
            return outcome;
        } catch (PipelineException e) {
            throw new DslException(e.getMessage());
        }
    }

    private static long seed(PromptSpec spec) {
        return spec.seed() == null ? 0 : spec.seed();
    }

    /** A run's id, PIPELINE-CHARACTER-SEED: the same command finds the same run folder, so it resumes. */
    private static String runId(PipelineDef pipeline, PromptSpec spec) {
        String character = spec.recipe().characterId() == null ? "none" : spec.recipe().characterId();
        return pipeline.id() + "-" + character + "-" + seed(spec);
    }

    private Path runDir(PipelineDef pipeline, PromptSpec spec) {
        return library.root().resolve("runs").resolve(runId(pipeline, spec));
    }

    @Override public Asset master(String character, Object asset) {
        Asset chosen = asset instanceof CharSequence id ? fromLibrary(library, libraryCall(() -> library.resolve(id.toString())))
                : asset(asset, "master");
        String of = chosen.spec() == null || chosen.spec().recipe() == null ? null : chosen.spec().recipe().characterId();
        if (of != null && !of.equals(character)) {
            throw new DslException("asset " + chosen.shortId() + " is a portrait of '" + of + "', not '" + character
                    + "'; pick an image of " + character + " as its master (e.g. from run or generate " + character + ")");
        }
        libraryCall(() -> new Masters(library).set(character, chosen.id()));
        return chosen;
    }

    @Override public Asset master(String character) {
        String id = libraryCall(() -> new Masters(library).get(character)).orElseThrow(() -> new DslException(
                "'" + character + "' has no master image yet; set one with master " + character + ", asset (e.g. a run's best image)"));
        return fromLibrary(library, id);
    }

    /** The master's image, or null when the character has none (or no id). */
    private java.awt.image.BufferedImage masterImage(String character) {
        if (character == null) return null;
        java.util.Optional<String> id = libraryCall(() -> new Masters(library).get(character));
        if (id.isEmpty()) return null;
        Path file = fromLibrary(library, id.get()).path();
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
            if (img == null) throw new IOException("not a readable image");
            return img;
        } catch (IOException e) {
            throw new DslException("cannot read the master image of " + character + " at " + file + " for drift scoring: "
                    + e.getMessage() + "; run `sitter verify`, or set another master");
        }
    }

    /** An asset recorded in the library, as commands take it. */
    static Asset fromLibrary(Library library, String id) {
        Provenance p = libraryCall(() -> library.get(id));
        Provenance.BackendIds ids = p.leonardo();
        boolean variation = ids != null && ids.variationId() != null;
        String leonardoId = ids == null ? null : variation ? ids.variationId() : ids.imageId();
        return new Asset(p.assetId(), library.imagePath(p), leonardoId, variation, p);
    }

    private static <T> T libraryCall(IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException | dev.sitter.library.LibraryException e) {
            throw new DslException(e.getMessage());
        }
    }

    /**
     * Scorers by what they score against (master asset id, anchor hashes): many runs share a
     * character's (or a set's) anchors, and decoding and measuring them again for every run was a
     * tenth of a pipeline's CPU. Content-addressed keys, so a changed master or anchor misses.
     */
    private final Map<List<String>, java.util.concurrent.CompletableFuture<java.util.Optional<DriftScorer>>> scorers =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override protected boolean removeEldestEntry(Map.Entry<List<String>, java.util.concurrent.CompletableFuture<java.util.Optional<DriftScorer>>> eldest) {
                    return size() > 32;
                }
            };

    /** Drift is measured against the character's master image (first, when set) and anchor images (the compiled Character References). */
    private DriftScorer driftScorer(PromptSpec spec) {
        String character = spec.recipe().characterId();
        List<String> key = new ArrayList<>();
        key.add("master:" + (character == null ? null : libraryCall(() -> new Masters(library).get(character)).orElse(null)));
        for (dev.sitter.model.ReferenceImage ref : spec.references()) {
            if (ref.role() == dev.sitter.model.ReferenceRole.CHARACTER && ref.isUploaded()) key.add(ref.sha256());
        }
        // Runs started together share one build: the first makes it, the others wait for it.
        java.util.concurrent.CompletableFuture<java.util.Optional<DriftScorer>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<java.util.Optional<DriftScorer>> known;
        synchronized (scorers) {
            known = scorers.putIfAbsent(List.copyOf(key), mine);
        }
        if (known != null) {
            try {
                return known.join().orElse(null);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e; // the builder's own error (an unreadable anchor)
            }
        }
        try {
            DriftScorer made = newDriftScorer(spec);
            mine.complete(java.util.Optional.ofNullable(made));
            return made;
        } catch (RuntimeException e) {
            synchronized (scorers) {
                scorers.remove(key); // not kept: the next run tries again (e.g. after the anchor is fixed)
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private DriftScorer newDriftScorer(PromptSpec spec) {
        List<java.awt.image.BufferedImage> anchors = new ArrayList<>();
        java.awt.image.BufferedImage master = masterImage(spec.recipe().characterId());
        if (master != null) anchors.add(master);
        for (dev.sitter.model.ReferenceImage ref : spec.references()) {
            if (ref.role() != dev.sitter.model.ReferenceRole.CHARACTER || !ref.isUploaded()) continue;
            try {
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(
                        new java.io.ByteArrayInputStream(images.read(ref.path(), ref.sha256())));
                if (img != null) anchors.add(img);
            } catch (IOException | LeonardoException e) {
                throw new DslException("cannot read anchor " + ref.path() + " for drift scoring: " + e.getMessage());
            }
        }
        return anchors.isEmpty() ? null : DriftScorer.forImages(anchors);
    }

    /**
     * A pipeline's masks, LUTs and export folders: as written when absolute, else beside the script
     * (as the standalone commands read them), else in the library, else in the shipped prompt library
     * (the order `include` uses). A file in none of them is reported with every place searched.
     */
    /**
     * Where a pipeline's masks, LUTs and export folders are found: beside the pipeline's own file,
     * beside the script, in the library, in the shipped prompt library (one search, shared with
     * `pack export`); what was searched goes into the error when nothing is there.
     */
    private PipelineRunner.SearchPath resolveFile(PipelineDef pipeline) {
        Path scriptDir = images.locate("");
        dev.sitter.dsl.ScriptFiles files = dev.sitter.dsl.ScriptFiles.forRun(pipeline.dir(),
                scriptDir == null ? null : scriptDir.toAbsolutePath().normalize(), library.root(), System.getenv("SITTER_HOME"));
        return new PipelineRunner.SearchPath() {
            @Override public List<Path> places(String written) {
                Path p = Path.of(written);
                if (p.isAbsolute()) return List.of(p);
                return files.dirs().stream().map(d -> d.resolve(written).normalize()).toList();
            }

            // Nothing there yet (e.g. an export folder): it is made in the library.
            @Override public Path apply(String written) { return files.resolve(written, library.root()); }
        };
    }

    // ---------------------------------------------------------------- recording

    /** Journals the intent, runs one paid job, records every image it made, completes the intent. */
    private List<Asset> paid(String step, PromptSpec spec, String parentId, PaidCall call) {
        return paid(step, spec, parentId, null, null, call);
    }

    /**
     * As above; {@code op} (how an inpaint ran: its mask and strength) and {@code edit} (what a local
     * edit such as a composite used) go into each record. Both also tell apart two edits of one parent
     * in the journal.
     */
    private List<Asset> paid(String step, PromptSpec spec, String parentId, Provenance.Operation op, Provenance.Edit edit,
                             PaidCall call) {
        Journal.Intent wanted = new Journal.Intent(step, spec, parentId, intentNote(op, edit));
        Journal.Pending earlier = resumable(wanted);
        if (earlier != null) {
            GenerationResult fetched = collect(earlier);
            if (fetched != null) return recordAll(step, spec, parentId, op, edit, earlier.id(), fetched, Map.of(), Instant.now());
        }
        String intent = journal(() -> library.journal().begin(wanted));
        Instant requested = Instant.now();
        ObjectNode[] sent = new ObjectNode[1];
        GenerationResult result = guard(() -> call.run(new JobListener() {
            @Override public void beforeSend(String endpoint, ObjectNode body) { sent[0] = body; }

            @Override public void submitted(String generationId, Cost cost, boolean reconciled) {
                journal(() -> { library.journal().submitted(intent, generationId); return null; });
            }
        }));
        Map<String, String> uploads = sent[0] == null ? Map.of() : UploadedIds.from(spec, sent[0]);
        return recordAll(step, spec, parentId, op, edit, intent, result, uploads, requested);
    }

    /**
     * What distinguishes an edit's intent beyond its request, or null for a plain generation: what is
     * sent and used (endpoint, parameters, the files' SHA-256s, the patch source), never how the
     * files are named. A name depends on the folder a run starts in, and a rerun from another folder
     * must still collect what a killed run paid for.
     */
    static String intentNote(Provenance.Operation op, Provenance.Edit edit) {
        if (op == null && edit == null) return null;
        Map<String, Object> note = new java.util.TreeMap<>();
        if (op != null) {
            note.put("endpoint", op.endpoint());
            note.put("params", op.params());
            if (op.mask() != null) note.put("mask", op.mask().sha256());
        }
        if (edit != null) {
            java.util.Map<String, Object> e = new java.util.TreeMap<>();
            if (edit.from() != null) e.put("from", edit.from());
            if (edit.maskSha256() != null) e.put("mask", edit.maskSha256());
            if (edit.feather() != null) e.put("feather", edit.feather());
            if (edit.denoise() != null) e.put("denoise", edit.denoise());
            if (edit.lutSha256() != null) e.put("lut", edit.lutSha256());
            note.put("edit", e);
        }
        return dev.sitter.model.Json.compact(note);
    }

    private List<Asset> recordAll(String step, PromptSpec spec, String parentId, Provenance.Operation op, Provenance.Edit edit,
                                  String intent, GenerationResult result,
                                  Map<String, String> uploads, Instant requested) {
        List<Asset> made = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (GeneratedImage image : result.images()) {
            if (!image.downloaded()) {
                missing.add(image.id() + " (" + image.downloadError() + ")");
                continue;
            }
            GenerationFacts.Builder facts = GenerationFacts.builder()
                    .generationId(result.generationId()).imageId(image.id()).seedReturned(result.seed())
                    .backend(backends.get().kind(), backends.get().baseUrl()).step(step).parentId(parentId)
                    .requestedAt(requested).completedAt(result.timing() == null ? null : result.timing().completed())
                    .operation(op).edit(edit);
            if (result.cost() != null) facts.cost(share(result.cost(), result.images().size()), result.cost().unit());
            uploads.forEach(facts::upload);
            made.add(record(image.bytes(), spec, facts.build(), image.id(), false));
        }
        if (!missing.isEmpty()) {
            // Paid images we could not fetch stay in the journal as pending; `sitter recover` fetches them again.
            throw new DslException(step + ": generation " + result.generationId() + " finished but "
                    + missing.size() + " image(s) could not be downloaded: " + String.join(", ", missing)
                    + ". The job is paid and journaled; run the command again once the network is back to collect them.");
        }
        journal(() -> { library.journal().complete(intent, made.stream().map(Asset::id).toList()); return null; });
        return made;
    }

    /**
     * An intent an earlier, interrupted run journaled for exactly this request: it may be paid for
     * already, so it is collected rather than sent again.
     */
    private Journal.Pending resumable(Journal.Intent wanted) {
        List<Journal.Pending> pending = journal(() -> library.journal().pending());
        String key = canonical(wanted);
        for (Journal.Pending p : pending) {
            if (canonical(p.intent()).equals(key)) return p;
        }
        return null;
    }

    /**
     * Fetches the generation an interrupted run submitted. Returns null when there is nothing to
     * collect and sending again is safe: the sandbox of an earlier process is gone (and free).
     */
    private GenerationResult collect(Journal.Pending earlier) {
        boolean sandbox = Backend.SANDBOX.equals(backends.get().kind());
        if (earlier.generationId() == null) {
            if (sandbox) {
                journal(() -> { library.journal().abandon(earlier.id(), "interrupted before submission; sandbox is free to resend"); return null; });
                return null;
            }
            throw new DslException("an earlier run was interrupted after journaling this request (" + earlier.startedAt()
                    + ") but before Leonardo answered, so it may already be paid for. Check your generation history in the "
                    + "Leonardo web app; to send it again anyway, run `sitter journal abandon " + earlier.id() + "`.");
        }
        try {
            return client().fetch(earlier.generationId());
        } catch (LeonardoException e) {
            if (sandbox && e.kind() == LeonardoException.Kind.NOT_FOUND) {
                journal(() -> { library.journal().abandon(earlier.id(), "sandbox generation gone with its process"); return null; });
                return null;
            }
            throw new DslException(e.getMessage());
        }
    }

    /**
     * The identity of a paid request: what is sent and why, but not which script line asked for it,
     * so a rerun from the console collects what a killed script paid for.
     */
    private static String canonical(Journal.Intent intent) {
        PromptSpec spec = intent.spec();
        if (spec != null) {
            dev.sitter.model.Recipe r = spec.recipe();
            spec = spec.toBuilder().recipe(new dev.sitter.model.Recipe(r.characterId(), r.identity(), r.templateId(),
                    r.styleId(), r.cameraId(), r.negativesId(), r.definitionsHash(), null, 0)).build();
        }
        Journal.Intent bare = new Journal.Intent(intent.action(), spec, intent.parentId(), intent.note());
        // Through text and back, so numbers compare alike whichever Java type carried them.
        return dev.sitter.model.Json.tree(dev.sitter.model.Json.compact(bare)).toString();
    }

    private Asset variation(String step, Asset parent, Provenance.Operation op, Supplier<VariationResult> call) {
        String intent = journal(() -> library.journal().begin(new Journal.Intent(step, parent.spec(), parent.id(), null)));
        Instant requested = Instant.now();
        VariationResult v = guard(call::get);
        if (!v.downloaded()) {
            throw new DslException(step + ": variation " + v.variationId() + " finished but could not be downloaded ("
                    + v.downloadError() + "). It is paid and journaled; run the command again to collect it.");
        }
        GenerationFacts.Builder facts = GenerationFacts.builder()
                .generationId(parent.provenance().leonardo() == null ? null : parent.provenance().leonardo().generationId())
                .imageId(parent.leonardoImageId()).variationId(v.variationId())
                .seedReturned(parent.seed()).backend(backends.get().kind(), backends.get().baseUrl()).step(step).parentId(parent.id())
                .requestedAt(requested).completedAt(v.timing() == null ? null : v.timing().completed()).operation(op);
        if (v.cost() != null) facts.cost(new BigDecimal(v.cost().amount()), v.cost().unit());
        Asset made = record(v.bytes(), parent.spec(), facts.build(), v.variationId(), true);
        journal(() -> { library.journal().complete(intent, List.of(made.id())); return null; });
        return made;
    }

    private Asset record(byte[] bytes, PromptSpec spec, GenerationFacts facts, String leonardoId, boolean variation) {
        try {
            RecordedAsset r = library.record(bytes, spec, facts);
            if (r.provenance().cost() != null) {
                synchronized (this) { spent = spent.add(r.provenance().cost().amount()); }
            }
            Asset a = new Asset(r.assetId(), r.image(), leonardoId, variation, r.provenance());
            onAsset.accept(a);
            return a;
        } catch (IOException e) {
            throw new DslException("cannot write to the library at " + library.root() + ": " + e.getMessage()
                    + ". The image is paid and journaled; free space or fix permissions, then run again.");
        }
    }

    /** A create's cost covers all its images; each record carries its share so the ledger sums right. */
    private static BigDecimal share(Cost cost, int images) {
        BigDecimal total = new BigDecimal(cost.amount());
        return images <= 1 ? total : total.divide(BigDecimal.valueOf(images), 6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface PaidCall {
        GenerationResult run(JobListener listener);
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    private <T> T journal(IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new DslException("cannot write the journal in " + library.root() + ": " + e.getMessage()
                    + ". Nothing was sent; fix the library folder and run again.");
        }
    }

    /** API failures become one-sentence script errors; the DSL adds the script line. */
    private static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (LeonardoException e) {
            throw new DslException(e.getMessage());
        }
    }

    /** Local image work: a bad mask or image is the user's to fix, said in one paragraph. */
    private static <T> T imaging(Supplier<T> call) {
        try {
            return call.get();
        } catch (dev.sitter.imaging.ImagingException e) {
            throw new DslException(e.getMessage());
        }
    }

    /** An image as a script names it: an asset a command returned, or an asset id (a unique prefix) from the library. */
    private Asset asset(Object o, String command) {
        if (o instanceof Asset a) return a;
        if (o instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Asset a) return a;
        if (o instanceof CharSequence id) {
            String resolved;
            try {
                resolved = library.resolve(id.toString());
            } catch (dev.sitter.library.LibraryException e) {
                throw new DslException(command + ": " + e.getMessage() + " Give an asset a command returned, or an id `sitter ls` lists");
            }
            return fromLibrary(library, resolved);
        }
        throw new DslException(command + " needs an asset that generate, refine or upscale returned, or an asset id"
                + (o instanceof List<?> ? " (this is a list: pick one, e.g. shots[0])" : ", not " + describe(o)));
    }

    private static Asset first(List<Asset> made, String step) {
        if (made.isEmpty()) throw new DslException(step + " returned no image");
        return made.get(0);
    }

    private static String describe(Object o) {
        if (o == null) return "nothing (null)";
        if (o instanceof CharSequence s) return "the text '" + s + "'";
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        return dev.sitter.util.Words.a(o.getClass().getSimpleName());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new DslException("cannot read " + p + ": " + e.getMessage());
        }
    }

    private static String sha(Path p) {
        try {
            return dev.sitter.util.Sha256.file(p);
        } catch (UncheckedIOException e) {
            throw new DslException("cannot read " + p + ": " + e.getCause().getMessage());
        }
    }

}
