package dev.sitter.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sitter.imaging.ImageFormatException;
import dev.sitter.imaging.JpegXmp;
import dev.sitter.imaging.PngChunks;
import dev.sitter.imaging.ProvenanceMetadata;
import dev.sitter.imaging.XmpPacket;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.util.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A prompt library on disk (layout in docs/library-format.md):
 * <pre>
 *   objects/sha256/ab/cdef...      image bytes exactly as the backend served them (named by SHA-256)
 *   assets/CHARACTER/ID.png        the same image with the provenance embedded (what users open)
 *   records/ab/ID.json             the provenance record (authoritative)
 *   inputs/sha256/ab/cdef...       files a request sent besides the record's references: inpaint masks
 *   index/assets.tsv               append-only query index (derived, rebuildable)
 *   ledger.csv                     one row per asset: cost and price
 *   journal/intents.log            intents journaled before paid requests
 *   tmp/                           recovery markers for in-flight writes
 *   .lock                          the single-writer lock
 * </pre>
 * Every change takes the library lock, so several processes may share one library.
 * A crash at any point is repaired by {@link #recover()}, which every change runs first.
 */
public final class Library {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{1,64}");

    private final Path root;
    private final LibraryLock lock;
    private final Clock clock;
    private final String tool;
    private final SecretScrubber scrubber;
    private final RecordIndex index;
    private final Ledger ledger;
    private final Journal journal;
    private final InflightMarker inflight;

    private Library(Path root, Clock clock, String tool, SecretScrubber scrubber) {
        this.root = root.toAbsolutePath().normalize();
        this.lock = new LibraryLock(this.root);
        this.clock = clock;
        this.tool = tool;
        this.scrubber = scrubber;
        this.index = new RecordIndex(this.root.resolve("index").resolve("assets.tsv"));
        this.ledger = new Ledger(this.root.resolve("ledger.csv"));
        this.journal = new Journal(this.root.resolve("journal").resolve("intents.log"), lock, clock, scrubber);
        this.inflight = new InflightMarker(this.root.resolve("tmp").resolve("inflight"));
    }

    /** Opens (and on first write creates) the library at {@code root}, scrubbing LEONARDO_API_KEY from all it writes. */
    public static Library open(Path root) {
        return open(root, Clock.systemUTC(), SecretScrubber.fromEnv(System.getenv()));
    }

    public static Library open(Path root, Clock clock, SecretScrubber scrubber) {
        return new Library(root, clock, "sitter/" + toolVersion(), scrubber);
    }

    static String toolVersion() {
        String v = Library.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public Path root() { return root; }

    public Journal journal() { return journal; }

    public Ledger ledger() { return ledger; }

    /** Whether anything was ever recorded here. */
    public boolean exists() { return Files.isDirectory(root.resolve("records")); }

    // ---------------------------------------------------------------- recording

    /**
     * Records one generated image: stores the bytes, writes the metadata-carrying copy and the
     * provenance record, appends the index line and the ledger row. Returns when all of it is
     * durable. Recording the same bytes again changes nothing and returns the existing record.
     *
     * @param image the image bytes exactly as the backend served them (PNG or JPEG get embedded metadata)
     * @param spec  the request that made it
     * @param facts what the backend reported
     * @throws LibraryException when the bytes are not a valid image (nothing is written)
     */
    public RecordedAsset record(byte[] image, PromptSpec spec, GenerationFacts facts) throws IOException {
        validateImage(image, facts);
        String assetId = Sha256.hex(image);
        try (LibraryLock.Held ignored = lock.acquire()) {
            recover();
            Path recordFile = recordPath(assetId);
            if (Files.exists(recordFile)) {
                Provenance existing = read(recordFile);
                return new RecordedAsset(assetId, imagePath(existing), recordFile, existing, true);
            }
            String mediaType = ProvenanceMetadata.mediaType(image);
            Integer[] size = size(image);
            Provenance.ImageFile original = new Provenance.ImageFile(rel(objectPath(assetId)), assetId, image.length,
                    mediaType, size[0], size[1]);
            boolean embeddable = ProvenanceMetadata.canEmbed(image);
            Path assetFile = embeddable ? assetPath(spec.recipe().characterId(), assetId, mediaType) : null;
            Provenance draft = draft(assetId, spec, facts, new Provenance.Files(original, null));

            InflightMarker.Marker marker = new InflightMarker.Marker("record", assetId, index.length(), ledger.length(),
                    embeddable ? List.of(rel(objectPath(assetId)), rel(assetFile)) : List.of(rel(objectPath(assetId))));
            return write(marker, image, draft, assetFile, size, facts.generationId());
        }
    }

    /**
     * The durable part of {@link #record}, in two fsync rounds, the fewest crash safety allows.
     * Writes that need no order between them are forced in parallel; step 2 starts only when
     * everything of step 1 is on disk:
     * <ol>
     * <li>The in-flight marker, and the original, the copy and the record each as a temp file in
     *     its final directory, all written and forced at once. Temp files are invisible to readers
     *     and removed by recovery and verify, so nothing depends on their order; the copy is
     *     computed while the marker and the original are being forced.</li>
     * <li>Marker durable: rename the original, the copy and then the record into place (in that
     *     order, so a reader never sees a record before its images), and force their directories,
     *     the index line and the ledger row, all at once. A power loss may keep any subset of
     *     these; the marker, durable since step 1, lets {@link #recover()} tell: the change counts
     *     only when its record, both image files (by hash), the index line and the ledger row are
     *     all there, otherwise it is finished or undone.</li>
     * <li>Marker set to idle, not forced: a stale marker naming a completed change is recognised
     *     as complete by {@link #recover()}.</li>
     * </ol>
     * (A third round used to separate the images from the record, and a fourth the record from
     * the index; recovery checking the images by hash makes both waits unnecessary.)
     */
    private RecordedAsset write(InflightMarker.Marker marker, byte[] image, Provenance draft, Path assetFile,
                                Integer[] size, String generationId) throws IOException {
        String assetId = marker.assetId();
        String mediaType = draft.files().original().mediaType();
        Path objectFile = objectPath(assetId);
        Path recordFile = recordPath(assetId);
        DurableFiles.ensureDir(root); // the one directory the parallel writes below share
        boolean newObject = !storedAlready(assetId);
        try (ParallelIo.Batch io = new ParallelIo.Batch()) {
            // 1. marker, original, copy and record forced in parallel (the record as a temp file only)
            io.submit(() -> { inflight.write(marker, true); return null; });
            Future<DurableFiles.Staged> object = newObject ? io.submit(() -> DurableFiles.stage(objectFile, image)) : null;
            Future<DurableFiles.Staged> copy = null;
            Provenance.ImageFile embedded = null;
            if (assetFile != null) {
                // The copy carries the record minus its own hash (a file cannot contain its own hash).
                String draftJson = Json.pretty(draft) + "\n";
                byte[] withMeta;
                try {
                    withMeta = ProvenanceMetadata.embed(image, draft, draftJson);
                } catch (ImageFormatException e) {
                    throw new LibraryException("cannot embed provenance into the image of generation "
                            + generationId + ": " + e.getMessage());
                }
                copy = io.submit(() -> DurableFiles.stage(assetFile, withMeta));
                embedded = new Provenance.ImageFile(rel(assetFile), Sha256.hex(withMeta), withMeta.length,
                        mediaType, size[0], size[1]);
            }
            Provenance p = draft.withFiles(new Provenance.Files(draft.files().original(), embedded));
            byte[] recordBytes = (Json.pretty(p) + "\n").getBytes(StandardCharsets.UTF_8);
            DurableFiles.Staged r = io.adopt(DurableFiles.stage(recordFile, recordBytes)); // this thread's share
            io.awaitAll();

            // 2. everything into place (images before the record), then directories, index and ledger forced at once
            List<Path> dirs = new ArrayList<>();
            for (Future<DurableFiles.Staged> f : java.util.Arrays.asList(object, copy)) {
                if (f == null) continue;
                DurableFiles.Staged s = ParallelIo.getUninterruptibly(f);
                s.publish();
                dirs.add(s.dir());
            }
            r.publish();
            dirs.add(r.dir());
            List<ParallelIo.IoRun> forces = new ArrayList<>();
            for (Path d : dirs.stream().distinct().toList()) forces.add(() -> DurableFiles.fsyncDir(d));
            forces.add(() -> index.append(IndexEntry.of(p)));
            forces.add(() -> ledger.append(scrub(Ledger.Row.of(p))));
            ParallelIo.all(forces.toArray(ParallelIo.IoRun[]::new));

            // 3.
            inflight.write(InflightMarker.Marker.IDLE, false);
            return new RecordedAsset(assetId, embedded != null ? assetFile : objectFile, recordFile, p, false);
        }
    }

    /** The record as it will be written, secrets scrubbed (the scrubbed JSON is parsed back so file and object agree). */
    private Provenance draft(String assetId, PromptSpec spec, GenerationFacts f, Provenance.Files files) {
        String step = f.step() == null ? "generate" : f.step();
        String dst = "inpaint".equalsIgnoreCase(step) || "composite".equalsIgnoreCase(step) ? XmpPacket.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA
                : XmpPacket.TRAINED_ALGORITHMIC_MEDIA;
        Provenance p = new Provenance(Provenance.SCHEMA, assetId, true, dst, step, f.parentId(), spec, f.seedReturned(),
                Provenance.BackendIds.of(f.generationId(), f.imageId(), f.variationId(), f.uploads()), f.cost(),
                f.backend(), tool,
                new Provenance.Times(f.requestedAt() == null ? null : f.requestedAt().toString(),
                        f.completedAt() == null ? null : f.completedAt().toString(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString()),
                f.qa(), files, f.operation(), f.edit());
        String json = Json.pretty(p);
        String clean = scrubber.apply(json);
        return clean.equals(json) ? p : parse(clean, "the record of " + assetId);
    }

    private Ledger.Row scrub(Ledger.Row r) {
        return new Ledger.Row(r.assetId(), r.date(), scrubber.apply(r.character()), r.step(), scrubber.apply(r.prompt()),
                r.seed(), scrubber.apply(r.model()), r.renderCost(), r.costUnit(), r.finalAssetPrice());
    }

    /** Whether the original is already stored (content-addressed: same name, same bytes). */
    private boolean storedAlready(String assetId) throws IOException {
        Path obj = objectPath(assetId);
        return Files.exists(obj) && Sha256.file(obj).equals(assetId);
    }

    private static void validateImage(byte[] image, GenerationFacts f) {
        String what = "the image of generation " + (f.generationId() == null ? "(no id)" : f.generationId());
        if (image == null || image.length == 0) throw new LibraryException(what + " is empty; nothing was recorded.");
        try {
            if (PngChunks.isPng(image)) PngChunks.read(image);
            else if (JpegXmp.isJpeg(image)) JpegXmp.read(image);
            else if (ProvenanceMetadata.mediaType(image).equals("application/octet-stream")) {
                throw new ImageFormatException("it is not a PNG, JPEG or WebP file");
            }
        } catch (ImageFormatException e) {
            throw new LibraryException(what + " is not a valid image: " + e.getMessage()
                    + ". Nothing was recorded; download it again.");
        }
    }

    private static Integer[] size(byte[] image) {
        try {
            int[] wh = PngChunks.isPng(image) ? PngChunks.size(image) : JpegXmp.isJpeg(image) ? JpegXmp.size(image) : null;
            return wh == null ? new Integer[] {null, null} : new Integer[] {wh[0], wh[1]};
        } catch (ImageFormatException e) {
            return new Integer[] {null, null};
        }
    }

    // ---------------------------------------------------------------- updates

    /** Replaces the QA results of an asset (the embedded copy keeps the record as first written). */
    public Provenance setQa(String idOrPrefix, List<Provenance.QaResult> results) throws IOException {
        String id = resolve(idOrPrefix);
        try (LibraryLock.Held ignored = lock.acquire()) {
            recover();
            Provenance p = get(id).withQa(results);
            inflight.write(new InflightMarker.Marker("update", id, index.length(), ledger.length(), List.of()), true);
            DurableFiles.writeAtomically(recordPath(id), (scrubber.apply(Json.pretty(p)) + "\n").getBytes(StandardCharsets.UTF_8));
            index.append(IndexEntry.of(p));
            inflight.write(InflightMarker.Marker.IDLE, false);
            return p;
        }
    }

    /** Adds one QA result, replacing an earlier result of the same check. */
    public Provenance addQa(String idOrPrefix, Provenance.QaResult result) throws IOException {
        try (LibraryLock.Held ignored = lock.acquire()) {
            Provenance p = get(idOrPrefix);
            List<Provenance.QaResult> all = new ArrayList<>();
            for (Provenance.QaResult r : p.qa()) if (!r.check().equals(result.check())) all.add(r);
            all.add(result);
            return setQa(p.assetId(), all);
        }
    }

    /** Sets final_asset_price in the ledger. */
    public void setPrice(String idOrPrefix, BigDecimal price) throws IOException {
        String id = resolve(idOrPrefix);
        try (LibraryLock.Held ignored = lock.acquire()) {
            recover();
            // The ledger is rewritten (atomically); mark it so no older marker is replayed against the new file.
            inflight.write(new InflightMarker.Marker("price", id, index.length(), ledger.length(), List.of()), true);
            if (!ledger.setPrice(id, price)) {
                throw new LibraryException("asset " + id + " has no row in " + ledger.file()
                        + "; run 'sitter verify' to find out why.");
            }
        }
    }

    /** Rebuilds index/assets.tsv from the records (after hand edits or a damaged index). */
    public int reindex() throws IOException {
        try (LibraryLock.Held ignored = lock.acquire()) {
            recover();
            List<IndexEntry> entries = new ArrayList<>();
            for (Path f : recordFiles()) {
                try {
                    entries.add(IndexEntry.of(read(f)));
                } catch (LibraryException e) {
                    // an unreadable record stays out of the index; verify reports it
                }
            }
            entries.sort(java.util.Comparator.comparing(e -> e.recordedAt() == null ? "" : e.recordedAt()));
            inflight.write(new InflightMarker.Marker("reindex", null, index.length(), ledger.length(), List.of()), true);
            index.rewrite(entries);
            return entries.size();
        }
    }

    /**
     * Writes a JPEG rendition of an asset to {@code target} (outside or inside the library), with
     * the same XMP as the recorded copy: digital source type, AI system, prompt, and the asset's
     * record (so the export still names the asset it came from). The library is not changed.
     *
     * @param quality JPEG quality, 0.0-1.0 (0.92 is a good default)
     */
    public Path exportJpeg(String idOrPrefix, Path target, float quality) throws IOException {
        Provenance p = get(idOrPrefix);
        byte[] original = Files.readAllBytes(root.resolve(p.files().original().path()));
        Provenance snapshot = p.withFiles(new Provenance.Files(p.files().original(), null));
        try {
            byte[] jpeg = dev.sitter.imaging.JpegExport.encode(original, quality);
            DurableFiles.writeAtomically(target, ProvenanceMetadata.embed(jpeg, snapshot,
                    scrubber.apply(Json.pretty(snapshot)) + "\n"));
        } catch (ImageFormatException e) {
            throw new LibraryException("cannot export asset " + p.assetId() + " as JPEG: " + e.getMessage());
        }
        return target;
    }

    // ---------------------------------------------------------------- crash recovery

    /**
     * Finishes or undoes the change a crash interrupted. Holding the lock, the in-flight marker
     * names the last change. If that change completed (its record is on disk and the index and
     * ledger end with exactly its line and row), nothing is done. Otherwise the index and ledger
     * are cut back to their length before it; if the record made it to disk its index line (and,
     * for a new asset, ledger row) is appended again, else the unrecorded image files are removed.
     * Idempotent, and cheap when nothing was interrupted.
     *
     * @return 1 when an interrupted change was repaired, else 0
     */
    public int recover() throws IOException {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) return 0;
        try (LibraryLock.Held ignored = lock.acquire()) {
            deleteTemps(tmp);
            InflightMarker.Marker m = inflight.read();
            if (m == null || m.assetId() == null || !(m.op().equals("record") || m.op().equals("update"))) {
                if (m != null && !m.op().equals("idle")) { // price/reindex: atomic renames; only temps can be left
                    deleteTemps(root);
                    deleteTemps(index.file().getParent());
                }
                return 0;
            }
            Path recordFile = recordPath(m.assetId());
            Provenance p = null;
            if (Files.exists(recordFile)) {
                try {
                    p = read(recordFile);
                } catch (LibraryException e) {
                    p = null; // verify will name it
                }
            }
            if (p != null && m.op().equals("record") && !originalIntact(p)) {
                // The record reached the disk but the original did not (power lost in the last round):
                // the change never completed, so it is undone like one that never wrote its record.
                DurableFiles.delete(recordFile);
                p = null;
            }
            // Record and original are the asset; the copy with metadata is derived from both, so a
            // lost copy is made again rather than the paid image given up.
            if (p != null && m.op().equals("record")) restoreCopy(p);
            if (p != null && completed(m, p)) {
                inflight.write(InflightMarker.Marker.IDLE, false);
                return 0;
            }
            DurableFiles.truncate(index.file(), m.indexLength());
            DurableFiles.truncate(ledger.file(), m.ledgerLength());
            if (p != null) {
                index.append(IndexEntry.of(p));
                if (m.op().equals("record")) ledger.append(scrub(Ledger.Row.of(p)));
            } else if (m.op().equals("record")) {
                for (String f : m.files()) DurableFiles.delete(root.resolve(f));
            }
            for (String f : m.files()) deleteTemps(root.resolve(f).getParent());
            deleteTemps(recordFile.getParent());
            inflight.write(InflightMarker.Marker.IDLE, true);
            return 1;
        }
    }

    /** Whether the original bytes record {@code p} names are on disk. */
    private boolean originalIntact(Provenance p) throws IOException {
        Path file = objectPath(p.assetId());
        return Files.isRegularFile(file) && Sha256.file(file).equals(p.assetId());
    }

    /**
     * Writes the metadata-carrying copy of {@code p} again when it is missing or not the bytes the
     * record names. The copy is a deterministic function of the original and the record as first
     * written (the record minus the copy's own entry), so the same bytes come back; if they somehow
     * do not, nothing is written and verify reports the copy.
     */
    private void restoreCopy(Provenance p) throws IOException {
        Provenance.ImageFile emb = p.files() == null ? null : p.files().embedded();
        if (emb == null) return;
        Path copy = root.resolve(emb.path()).normalize();
        if (!copy.startsWith(root)) return; // a record naming a copy outside the library is verify's to report
        if (Files.isRegularFile(copy) && Sha256.file(copy).equals(emb.sha256())) return;
        Provenance draft = p.withFiles(new Provenance.Files(p.files().original(), null));
        byte[] again;
        try {
            again = ProvenanceMetadata.embed(Files.readAllBytes(objectPath(p.assetId())), draft, Json.pretty(draft) + "\n");
        } catch (ImageFormatException e) {
            return;
        }
        if (Sha256.hex(again).equals(emb.sha256())) DurableFiles.writeAtomically(copy, again);
    }

    /** Whether the index and ledger end with exactly what change {@code m} appends for {@code p}. */
    private boolean completed(InflightMarker.Marker m, Provenance p) throws IOException {
        String indexTail = (m.indexLength() == 0 ? RecordIndex.HEADER : "") + IndexEntry.of(p).toLine();
        if (!endsExactly(index.file(), m.indexLength(), indexTail)) return false;
        if (!m.op().equals("record")) return true;
        String ledgerTail = (m.ledgerLength() == 0 ? Csv.row(Ledger.COLUMNS) : "") + Csv.row(scrub(Ledger.Row.of(p)).cells());
        return endsExactly(ledger.file(), m.ledgerLength(), ledgerTail);
    }

    private static boolean endsExactly(Path file, long from, String expected) throws IOException {
        if (!Files.exists(file)) return false;
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            if (ch.size() != from + want.length) return false;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(want.length);
            while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) { /* fill */ }
            return java.util.Arrays.equals(b.array(), want);
        }
    }

    private static void deleteTemps(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + DurableFiles.TEMP_SUFFIX)) {
            for (Path p : ds) Files.deleteIfExists(p);
        }
    }

    // ---------------------------------------------------------------- reading

    /** The full asset id for an id or a unique prefix of at least 4 hex digits, like git. */
    public String resolve(String idOrPrefix) {
        String q = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase();
        if (!HEX_PREFIX.matcher(q).matches()) {
            throw new LibraryException("'" + idOrPrefix + "' is not an asset id: ids are SHA-256 hex digits "
                    + "(see 'sitter ls'); a unique prefix of 4 or more digits is enough.");
        }
        if (q.length() < 4) throw new LibraryException("asset id prefix '" + q + "' is too short: give at least 4 hex digits.");
        if (HEX64.matcher(q).matches()) {
            if (!Files.exists(recordPath(q))) throw new LibraryException("no asset " + q + " in the library at " + root + ".");
            return q;
        }
        Path dir = root.resolve("records").resolve(q.substring(0, 2));
        List<String> hits = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, q + "*.json")) {
                for (Path p : ds) hits.add(p.getFileName().toString().replace(".json", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (hits.isEmpty()) throw new LibraryException("no asset starts with '" + q + "' in the library at " + root + ".");
        if (hits.size() > 1) {
            java.util.Collections.sort(hits);
            throw new LibraryException("asset id prefix '" + q + "' is ambiguous: it matches "
                    + hits.stream().limit(5).map(h -> h.substring(0, 12)).collect(Collectors.joining(", "))
                    + (hits.size() > 5 ? " and " + (hits.size() - 5) + " more" : "") + "; give more digits.");
        }
        return hits.get(0);
    }

    /** The record of an asset (id or unique prefix). */
    public Provenance get(String idOrPrefix) {
        return read(recordPath(resolve(idOrPrefix)));
    }

    Provenance read(Path recordFile) {
        String json;
        try {
            json = Files.readString(recordFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LibraryException("the record " + recordFile + " is missing; run 'sitter verify'.");
        } catch (IOException e) {
            throw new LibraryException("cannot read the record " + recordFile + ": " + e.getMessage());
        }
        return parse(json, "the record " + recordFile);
    }

    static Provenance parse(String json, String what) {
        try {
            Provenance p = Json.MAPPER.readValue(json, Provenance.class);
            if (p.schema() == null || !p.schema().startsWith("sitter.provenance/")) {
                throw new LibraryException(what + " is not a Sitter provenance record (schema '" + p.schema() + "').");
            }
            if (!Provenance.READABLE.contains(p.schema())) {
                throw new LibraryException(what + " uses schema " + p.schema() + ", newer than this Sitter ("
                        + Provenance.SCHEMA + "); upgrade Sitter to read it.");
            }
            if (p.assetId() == null || p.request() == null) {
                throw new LibraryException(what + " lacks assetId or request; restore it from a backup or run 'sitter verify'.");
            }
            return p;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new LibraryException(what + " is not valid JSON" + where + ": " + e.getOriginalMessage()
                    + ". Restore it from a backup or run 'sitter verify'.");
        }
    }

    /** Index entries matching the query, oldest first. */
    public List<IndexEntry> find(Query q) throws IOException {
        // A deleted index would make every query silently empty: rebuild it from the records instead.
        if (!Files.exists(index.file()) && exists()) reindex();
        List<IndexEntry> out = new ArrayList<>();
        for (IndexEntry e : index.read(q.indexNeedle()).latest().values()) if (q.matches(e)) out.add(e);
        return out;
    }

    /** Checks everything (see {@link Verifier}); repairs crash leftovers first. */
    public VerifyReport verify() throws IOException {
        return new Verifier(this).run();
    }

    RecordIndex index() { return index; }

    LibraryLock lock() { return lock; }

    // ---------------------------------------------------------------- paths

    public Path recordPath(String assetId) {
        return root.resolve("records").resolve(assetId.substring(0, 2)).resolve(assetId + ".json");
    }

    public Path objectPath(String assetId) {
        return root.resolve("objects").resolve("sha256").resolve(assetId.substring(0, 2)).resolve(assetId.substring(2));
    }

    /** Where an input (an inpaint mask) with this SHA-256 is kept. */
    public Path inputPath(String sha256) {
        if (sha256 == null || !isAssetId(sha256)) {
            throw new LibraryException("'" + sha256 + "' is not a SHA-256 (64 lowercase hex digits); the record naming it was changed."
                    + " Run 'sitter verify'.");
        }
        return root.resolve("inputs").resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    /**
     * Keeps an input a request sent (an inpaint mask), content-addressed, so the record that names
     * its SHA-256 can be replayed even after the original file is edited or gone. Storing the same
     * bytes again changes nothing.
     *
     * @return the SHA-256 of {@code bytes}
     */
    public String storeInput(byte[] bytes) throws IOException {
        String sha = Sha256.hex(bytes);
        Path target = inputPath(sha);
        if (Files.isRegularFile(target) && Sha256.file(target).equals(sha)) return sha;
        DurableFiles.writeAtomically(target, bytes); // creates inputs/sha256/ab/ durably (each new folder forced into its parent)
        return sha;
    }

    /**
     * The bytes of a kept input, checked against its SHA-256.
     *
     * @throws LibraryException naming the file and the fix when it is missing or changed
     */
    public byte[] readInput(String sha256) {
        Path f = inputPath(sha256);
        byte[] b;
        try {
            b = Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new LibraryException("the input " + rel(f) + " is missing from the library; restore it from a backup"
                    + " (run 'sitter verify' to list what else is missing).");
        } catch (IOException e) {
            throw new LibraryException("cannot read " + f + ": " + e.getMessage());
        }
        if (!Sha256.hex(b).equals(sha256)) {
            throw new LibraryException("the input " + rel(f) + " does not match its SHA-256 (the file was changed or damaged);"
                    + " restore it from a backup.");
        }
        return b;
    }

    /** The file to open for an asset: the metadata-carrying copy, else the original. */
    public Path imagePath(Provenance p) {
        Provenance.ImageFile f = p.files().embedded() != null ? p.files().embedded() : p.files().original();
        return root.resolve(f.path());
    }

    /**
     * The file to open for an indexed asset, found without parsing its record (so {@code find}
     * stays fast): the metadata-carrying copy if there is one, else the original.
     */
    public Path imagePath(IndexEntry e) {
        for (String type : List.of("image/png", "image/jpeg", "image/webp")) {
            Path p = assetPath(e.character(), e.assetId(), type);
            if (Files.isRegularFile(p)) return p;
        }
        return objectPath(e.assetId());
    }

    private Path assetPath(String character, String assetId, String mediaType) {
        String dir = character == null || character.isBlank() ? "_none" : character.replaceAll("[^A-Za-z0-9._-]", "_");
        if (dir.startsWith(".")) dir = "_" + dir;
        String ext = switch (mediaType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".bin";
        };
        return root.resolve("assets").resolve(dir).resolve(assetId + ext);
    }

    String rel(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    List<Path> recordFiles() throws IOException {
        Path dir = root.resolve("records");
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.walk(dir, 2)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Whether {@code s} is a full asset id: 64 lowercase hex digits (a SHA-256). */
    public static boolean isAssetId(String s) { return s != null && HEX64.matcher(s).matches(); }
}
