package dev.sitter.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.InitImage;
import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.model.ReferenceImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@link ReplayPlan} of an imported pack: one step per asset, from its provenance
 * record's request, with every local reference and init image re-pointed (by SHA-256) at the
 * copy inside the pack, parents ordered before children. Optionally cross-checks each request
 * against what the pack's own scripts compile to (see {@link #plan(Path, Function)}).
 */
public final class ReplayPlanner {
    private ReplayPlanner() {}

    /**
     * @param packDir   an imported pack ({@code packs/NAME/VERSION} in the library)
     * @param recompile compiles the record's request again from the pack's scripts (same character,
     *                  template, seed, count), or returns null when it cannot; null to skip the check
     */
    public static ReplayPlan plan(Path packDir, Function<PromptSpec, PromptSpec> recompile) {
        PackManifest m = readManifest(packDir);
        Map<String, String> pathBySha = new HashMap<>();
        for (PackManifest.FileEntry f : m.files()) pathBySha.putIfAbsent(f.sha256(), f.path());

        Map<String, ReplayPlan.Step> byId = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        // one warning per kind of difference, naming its assets: 14 identical lines told the user nothing
        Map<String, List<String>> disagreements = new LinkedHashMap<>();
        for (PackManifest.Asset a : m.assets()) {
            JsonNode r = readJson(PackPaths.resolveInside(packDir, a.record()), a.record());
            PromptSpec recorded;
            try {
                recorded = Json.MAPPER.treeToValue(r.path("request"), PromptSpec.class);
            } catch (Exception e) {
                warnings.add(a.record() + ": the request cannot be read (" + e.getMessage() + "); asset " + a.id().substring(0, 12) + " skipped");
                continue;
            }
            if (recorded == null || recorded.prompt() == null) {
                warnings.add(a.record() + ": no request recorded; asset " + a.id().substring(0, 12) + " skipped");
                continue;
            }
            Long seedReturned = r.hasNonNull("seedReturned") ? r.get("seedReturned").asLong() : null;
            if (recorded.seed() == null && seedReturned != null) recorded = recorded.withSeed(seedReturned); // deterministic replay
            PromptSpec spec = repoint(recorded, pathBySha, a.record(), warnings);
            boolean agree = false;
            String parent = r.hasNonNull("parentId") ? r.get("parentId").asText() : null;
            String step = r.hasNonNull("step") ? r.get("step").asText() : "generate";
            if (recompile != null && comparable(step, parent)) {
                PromptSpec fromScripts = recompile.apply(spec);
                if (fromScripts != null && EXPLORE.equals(step)) fromScripts = asExplored(fromScripts, spec);
                agree = fromScripts != null && sameRequest(fromScripts, spec);
                if (!agree) {
                    disagreements.computeIfAbsent(fromScripts == null ? "cannot compile their request"
                            : "compile a different request (" + String.join(", ", differences(fromScripts, spec)) + ")",
                            k -> new ArrayList<>()).add(a.id().substring(0, 12));
                }
            }
            Provenance.Operation op = operation(r, a.record(), warnings);
            Provenance.Edit edit = edit(r, a.record(), warnings);
            byId.put(a.id(), new ReplayPlan.Step(a.id(), step, parent, spec, seedReturned, agree, op, edit,
                    inputs(op, edit, pathBySha, a.record(), warnings)));
        }
        disagreements.forEach((what, ids) -> warnings.add((ids.size() == 1 ? "asset " + ids.get(0) : ids.size() + " assets ("
                + String.join(", ", ids.size() > 6 ? ids.subList(0, 6) : ids) + (ids.size() > 6 ? ", ..." : "") + ")")
                + ": the pack's scripts " + what + "; replaying the recorded request" + (ids.size() == 1 ? "" : "s")));
        return new ReplayPlan(packDir, parentsFirst(byId, warnings), warnings);
    }

    public static final String EXPLORE = "explore";

    /**
     * Whether the scripts can reproduce a record's request: a generation (a plain generate, or a
     * pipeline's explore) from the record's character, template and seed. An image made from a
     * parent (refine, upscale, inpaint, a local edit) has a request that depends on that parent and
     * on the pipeline's step options, which the record does not tie to a script line: not compared.
     */
    public static boolean comparable(String step, String parentId) {
        return parentId == null && (step == null || "generate".equals(step) || EXPLORE.equals(step));
    }

    /**
     * The request a pipeline's explore makes from the run's request: its own size, count and steps
     * (as the pipeline's explore step sets them, see StudioPortraitOps.exploreSpec), the rest from
     * the template. The record says which size, count and steps the explore used; all else must match.
     */
    private static PromptSpec asExplored(PromptSpec fromScripts, PromptSpec recorded) {
        PromptSpec.Builder b = fromScripts.toBuilder().numImages(recorded.numImages())
                .steps(recorded.steps() != null ? recorded.steps() : fromScripts.steps());
        if (recorded.width() != null && recorded.height() != null) b.size(recorded.width(), recorded.height());
        return b.build();
    }

    /** The request fields whose values differ, "field scripts-value vs recorded-value" (wire view, recipe aside). */
    static List<String> differences(PromptSpec fromScripts, PromptSpec recorded) {
        JsonNode a = Json.MAPPER.valueToTree(wireView(fromScripts)), b = Json.MAPPER.valueToTree(wireView(recorded));
        java.util.TreeSet<String> fields = new java.util.TreeSet<>();
        a.fieldNames().forEachRemaining(fields::add);
        b.fieldNames().forEachRemaining(fields::add);
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            JsonNode x = a.get(f), y = b.get(f);
            boolean xNull = x == null || x.isNull(), yNull = y == null || y.isNull();
            if (xNull && yNull || !xNull && x.equals(y)) continue;
            if (!xNull && !yNull && x.isContainerNode() && y.isContainerNode() && x.size() == y.size()) {
                out.add(f + " differ"); // e.g. the same number of references with another strength or image
            } else {
                out.add(f + " " + shown(x) + " vs " + shown(y));
            }
        }
        if (out.isEmpty()) out.add("the same fields, in another form");
        return out;
    }

    private static String shown(JsonNode v) {
        if (v == null || v.isNull()) return "(none)";
        String t = v.isTextual() ? "'" + v.asText() + "'" : v.isContainerNode() ? (v.isArray() ? v.size() + " items" : "{...}") : v.toString();
        return PackPaths.printable(t.length() > 40 ? t.substring(0, 37) + "..." : t);
    }

    /** The record's operation (schema 2), or null when it has none or it cannot be read (then a warning says so). */
    private static Provenance.Operation operation(JsonNode r, String where, List<String> warnings) {
        JsonNode n = r.get("operation");
        if (n == null || n.isNull()) return null;
        try {
            return Json.MAPPER.treeToValue(n, Provenance.Operation.class);
        } catch (Exception e) {
            warnings.add(where + ": the operation cannot be read (" + e.getMessage() + "); its replay cannot repeat it");
            return null;
        }
    }

    /**
     * Where the pack keeps each file the record names by SHA-256 (an inpaint's or composite's mask, a
     * grade's LUT): found only by that hash among the pack's files (the exporter ships them under
     * inputs/, listed and hashed in pack.json), never by a path the record gives. A missing one is
     * left out with a warning, and that step fails with the reason when it replays.
     */
    private static Map<String, String> inputs(Provenance.Operation op, Provenance.Edit edit, Map<String, String> pathBySha,
                                              String where, List<String> warnings) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (op != null && op.mask() != null) input(out, op.mask().sha256(), "inpaint mask " + op.mask().path(), pathBySha, where, warnings);
        if (edit != null && edit.maskSha256() != null) input(out, edit.maskSha256(), "mask " + edit.mask(), pathBySha, where, warnings);
        if (edit != null && edit.lutSha256() != null) input(out, edit.lutSha256(), "LUT " + edit.lut(), pathBySha, where, warnings);
        return out;
    }

    private static void input(Map<String, String> out, String sha, String what, Map<String, String> pathBySha, String where,
                              List<String> warnings) {
        String p = sha == null ? null : pathBySha.get(sha);
        if (p != null) {
            out.put(sha, p);
            return;
        }
        warnings.add(where + ": its " + what + " (SHA-256 " + (sha == null ? "none" : sha.substring(0, Math.min(12, sha.length())))
                + ") is not in the pack, so that step cannot be replayed; ask the author to export the pack again with this Sitter");
    }

    /** The record's local edit (schema 2), as recorded, or null when it has none or it cannot be read (then a warning says so). */
    private static Provenance.Edit edit(JsonNode record, String where, List<String> warnings) {
        JsonNode e = record.path("edit");
        if (!e.isObject()) return null;
        try {
            return Json.MAPPER.treeToValue(e, Provenance.Edit.class);
        } catch (Exception ex) {
            warnings.add(where + ": its edit (" + ex.getMessage() + ") cannot be read; that step will not replay");
            return null;
        }
    }

    /** Same request on the wire: everything except recipe bookkeeping (script file/line) and local paths. */
    static boolean sameRequest(PromptSpec a, PromptSpec b) {
        return Json.compact(wireView(a)).equals(Json.compact(wireView(b)));
    }

    private static PromptSpec wireView(PromptSpec s) {
        List<ReferenceImage> refs = new ArrayList<>();
        for (ReferenceImage r : s.references()) {
            refs.add(new ReferenceImage(r.role(), null, r.sha256(), r.generatedImageId(), r.preprocessorId(), r.strengthType(),
                    r.weight(), r.pose()));
        }
        InitImage init = s.init() == null ? null : new InitImage(null, s.init().sha256(), s.init().generatedImageId(), s.init().strength());
        return s.toBuilder().references(refs).init(init).recipe(null).build();
    }

    private static PromptSpec repoint(PromptSpec s, Map<String, String> pathBySha, String where, List<String> warnings) {
        List<ReferenceImage> refs = new ArrayList<>();
        for (ReferenceImage r : s.references()) {
            if (r.sha256() != null) {
                String p = pathBySha.get(r.sha256());
                if (p == null) warnings.add(where + ": reference " + r.sha256().substring(0, 12) + " is not in the pack");
                refs.add(new ReferenceImage(r.role(), p, r.sha256(), r.generatedImageId(), r.preprocessorId(), r.strengthType(),
                        r.weight(), r.pose()));
            } else {
                refs.add(r);
            }
        }
        InitImage init = s.init();
        if (init != null && init.sha256() != null) {
            init = new InitImage(pathBySha.get(init.sha256()), init.sha256(), init.generatedImageId(), init.strength());
        }
        return s.toBuilder().references(refs).init(init).build();
    }

    private static List<ReplayPlan.Step> parentsFirst(Map<String, ReplayPlan.Step> byId, List<String> warnings) {
        List<ReplayPlan.Step> out = new ArrayList<>();
        Map<String, Boolean> placed = new HashMap<>();
        for (ReplayPlan.Step s : byId.values()) place(s, byId, placed, out, warnings, 0);
        return out;
    }

    private static void place(ReplayPlan.Step s, Map<String, ReplayPlan.Step> byId, Map<String, Boolean> placed,
                              List<ReplayPlan.Step> out, List<String> warnings, int depth) {
        if (placed.containsKey(s.assetId())) return;
        if (depth > byId.size()) {
            warnings.add("asset " + s.assetId().substring(0, 12) + ": its lineage loops; skipped");
            return;
        }
        placed.put(s.assetId(), true);
        if (s.parentId() != null) {
            ReplayPlan.Step p = byId.get(s.parentId());
            if (p == null) warnings.add("asset " + s.assetId().substring(0, 12) + ": its parent is not in the pack; it cannot be replayed");
            else place(p, byId, placed, out, warnings, depth + 1);
        }
        // A composite's patch source is made before it too, when the pack carries it (else replay takes the library's).
        String from = s.edit() == null ? null : s.edit().from();
        if (from != null && byId.containsKey(from)) place(byId.get(from), byId, placed, out, warnings, depth + 1);
        out.add(s);
    }

    static PackManifest readManifest(Path packDir) {
        Path f = packDir.resolve(PackManifest.FILE);
        if (Files.isSymbolicLink(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackException(packDir + " is not an imported pack (no pack.json); run `sitter pack import FILE` first.");
        }
        try {
            return PackManifest.parse(Files.readAllBytes(f), packDir.toString());
        } catch (IOException e) {
            throw new PackException("cannot read " + f + ": " + e.getMessage());
        }
    }

    private static JsonNode readJson(Path p, String name) {
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new PackException("record " + name + " cannot be read: " + e.getMessage());
        }
    }
}
