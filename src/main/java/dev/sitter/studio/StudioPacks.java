package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.Packs;
import dev.sitter.dsl.Packs.Spending;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;
import dev.sitter.pack.DeclarativeGrammar;
import dev.sitter.pack.ExportAsset;
import dev.sitter.pack.ExportRequest;
import dev.sitter.pack.LibraryAssets;
import dev.sitter.pack.PackCheck;
import dev.sitter.pack.PackException;
import dev.sitter.pack.PackExporter;
import dev.sitter.pack.PackImporter;
import dev.sitter.pack.PackManifest;
import dev.sitter.pack.PackReplayer;
import dev.sitter.pack.PackScriptRunner;
import dev.sitter.pack.ReleaseChecklist;
import dev.sitter.pack.ReplayPlan;
import dev.sitter.pack.ReplayPlanner;
import dev.sitter.pack.ScriptRecompiler;
import dev.sitter.pack.ZipLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The DSL's {@code pack} keyword on the real thing: turns the script's values (definitions,
 * assets) into the same {@code dev.sitter.pack} calls {@code sitter pack} makes. Replay goes
 * through a {@link LeonardoStudio} on the given backend (the sandbox without a key).
 */
public final class StudioPacks implements Packs {
    private final Path library;
    private final Supplier<Backend> backends;
    private final List<Path> includeDirs;
    private final String apiKey;
    private final Consumer<String> warnings;

    /**
     * @param library     the user's prompt library (assets come from it, packs import into it)
     * @param backends    the backend replay regenerates on (opened on first use)
     * @param includeDirs where export resolves includes after the script's folder (library, shipped library)
     * @param apiKey      the key export makes sure no file contains, or null; never stored anywhere else
     * @param warnings    where warnings go (the console's notices, stderr)
     */
    public StudioPacks(Path library, Supplier<Backend> backends, List<Path> includeDirs, String apiKey, Consumer<String> warnings) {
        this.library = library.toAbsolutePath().normalize();
        this.backends = backends;
        this.includeDirs = List.copyOf(includeDirs);
        this.apiKey = apiKey;
        this.warnings = warnings;
    }

    /** What a pack command gives back to the script: printable, and {@code ok} for scripts that check it. */
    public record Outcome(String action, boolean ok, Path path, String summary) {
        @Override public String toString() { return summary; }
    }

    @Override
    public Object pack(String action, String target, Map<String, Object> options, List<Path> scripts, Path baseDir) {
        return pack(action, target, options, scripts, baseDir, Spending.NONE);
    }

    @Override
    public Object pack(String action, String target, Map<String, Object> options, List<Path> scripts, Path baseDir,
                       Spending spending) {
        try {
            return switch (action) {
                case "export" -> export(target, options, scripts, baseDir);
                case "check" -> check(baseDir.resolve(target).normalize());
                case "import" -> importPack(baseDir.resolve(target).normalize(), flag(options, "trust"));
                case "replay" -> replay(target, baseDir, flag(options, "trust"), spending);
                default -> throw new DslException("unknown pack action '" + action + "'");
            };
        } catch (PackException e) {
            throw new DslException("pack '" + action + "': " + e.getMessage(), e).token("pack");
        }
    }

    private Outcome export(String name, Map<String, Object> o, List<Path> scripts, Path baseDir) {
        Set<String> defs = new LinkedHashSet<>();
        for (String k : List.of("characters", "styles", "cameras", "negatives", "templates", "pipelines")) {
            for (Object v : list(o.get(k))) defs.add(definitionId(v, k));
        }
        List<ExportAsset> assets = new ArrayList<>();
        LibraryAssets lib = new LibraryAssets(library);
        for (Object v : list(o.get("assets"))) {
            if (v instanceof Asset a) assets.add(lib.byId(a.id()));
            else if (v instanceof CharSequence s) assets.add(lib.byId(s.toString()));
            else throw new DslException("assets: takes images from generate/refine (e.g. shots) or asset ids as `sitter ls` shows them; got "
                    + describe(v)).token("assets");
        }
        for (Object v : list(o.get("assetsOf"))) assets.addAll(lib.ofCharacter(definitionId(v, "assetsOf")));
        List<String> notes = new ArrayList<>();
        List<ExportAsset> unique = assets.isEmpty() ? assets : lib.withAncestors(assets, notes);
        notes.forEach(n -> warnings.accept("note: " + n));
        String version = text(o, "version", "1.0.0");
        Set<String> realPersons = new LinkedHashSet<>();
        for (Object v : list(o.get("realPersons"))) realPersons.add(definitionId(v, "realPersons"));
        ExportRequest req = new ExportRequest(name, version, text(o, "author", null), text(o, "license", null),
                text(o, "tosReviewed", null), text(o, "created", null), scripts, defs, includeDirs,
                unique, textMap(o, "modelNotes"), realPersons, textMap(o, "consent"),
                flag(o, "force"), apiKey);
        Path out = o.containsKey("out") ? baseDir.resolve(text(o, "out", null)).normalize() : baseDir.resolve(name + "-" + version + ".zip");
        PackExporter.Result r = new PackExporter().export(req, out);
        String summary = ReleaseChecklist.render(r.manifest().checklist()) + "wrote " + r.zip() + " ("
                + (r.manifest().files().size() + 1) + " files, " + r.bytes() + " bytes, " + r.manifest().assets().size() + " assets)";
        return new Outcome("export", r.manifest().checklist().passed(), r.zip(), summary);
    }

    private Outcome check(Path zip) {
        PackManifest.Checklist c = PackCheck.check(zip, ZipLimits.DEFAULT, apiKey);
        return new Outcome("check", c.passed(), zip, ReleaseChecklist.render(c).stripTrailing());
    }

    private Outcome importPack(Path zip, boolean trust) {
        PackImporter.Result r = new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, trust);
        r.warnings().forEach(w -> warnings.accept("warning: " + w));
        return new Outcome("import", true, r.dir(), "imported " + r.manifest().name() + " " + r.manifest().version() + ": "
                + r.files() + " files, " + r.bytes() + " bytes, " + r.manifest().assets().size() + " assets, into " + r.dir()
                + "\n" + importedAssetsNote(r));
    }

    /**
     * Import does not add a pack's assets to the library's own records: the pack keeps its author's
     * records (and spend) apart, listed by {@code ls --pack}; only replay makes them the library's
     * own (see docs/packs.md).
     */
    public static String importedAssetsNote(PackImporter.Result r) {
        String id = r.manifest().name() + "/" + r.manifest().version();
        return "its " + r.manifest().assets().size() + " portraits are listed by `sitter ls --pack " + id + "` (show works on"
                + " them too), with the author's records and costs, apart from your own and your ledger; `sitter pack replay "
                + id + "` regenerates them as your own";
    }

    private Outcome replay(String target, Path baseDir, boolean trust, Spending spending) {
        Replay r = replay(library, baseDir, target, trust, backends, spending);
        r.plan().warnings().forEach(w -> warnings.accept("warning: " + w));
        return new Outcome("replay", r.report().allIdentical(), r.packDir(), r.render());
    }

    // ---------------------------------------------------------------- shared with `sitter pack replay`

    /** A replay's plan and outcome. */
    public record Replay(Path packDir, ReplayPlan plan, PackReplayer.Report report) {
        /** The lines {@code sitter pack replay} prints after its plan line. */
        public String render() {
            long agree = plan.steps().stream().filter(ReplayPlan.Step::scriptsAgree).count();
            long compared = plan.steps().stream().filter(s -> ReplayPlanner.comparable(s.step(), s.parentId())).count();
            StringBuilder sb = new StringBuilder("replay plan: " + plan.steps().size() + " assets from " + packDir
                    + "; the pack's scripts reproduce " + agree + " of their requests"
                    + (compared == plan.steps().size() ? "" : " (of the " + compared + " they compile; the other "
                    + (plan.steps().size() - compared) + " are made from a parent and replay as recorded)") + "\n");
            for (PackReplayer.Outcome out : report.outcomes()) {
                sb.append("  ").append(out.assetId(), 0, 12).append("  ").append(out.identical() ? "identical"
                        : out.error() != null ? "FAILED: " + out.error() : "DIFFERENT: got " + out.actualSha256().substring(0, 12)).append('\n');
            }
            sb.append(report.allIdentical() ? "all " + report.outcomes().size() + " assets regenerated byte-identical"
                    : "some assets did not regenerate identically");
            return sb.toString();
        }
    }

    /** The imported pack {@code arg} names: imports it first when it is a zip file (a version already imported is reused). */
    public static Path importedPack(Path library, Path workDir, String arg, boolean trust) {
        Path asFile = workDir.resolve(arg);
        if (!Files.isRegularFile(asFile)) return library.resolve("packs").resolve(arg);
        PackImporter importer = new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter());
        try {
            return importer.importPack(asFile, trust).dir();
        } catch (PackException e) {
            String msg = e.getMessage();
            int at = msg.indexOf(" is already in the library at ");
            if (at < 0) throw e;
            String rest = msg.substring(at + " is already in the library at ".length());
            return Path.of(rest.substring(0, rest.indexOf(". Remove")));
        }
    }

    /** Plans a pack's replay from its scripts and records. */
    public static ReplayPlan plan(Path packDir, boolean trust) {
        PackScriptRunner.Loaded scripts = PackScriptRunner.load(packDir, trust);
        return ReplayPlanner.plan(packDir, ScriptRecompiler.from(scripts));
    }

    /** Imports (if needed), plans and regenerates a pack through Sitter's client on {@code backends}, recording into the library. */
    public static Replay replay(Path library, Path workDir, String arg, boolean trust, Supplier<Backend> backends) {
        return replay(library, workDir, arg, trust, backends, Spending.NONE);
    }

    /**
     * As above within a session's budget: the replay is priced from its records before anything is sent
     * (refused when it would pass the budget, or cannot be priced while one is set), and each image's
     * charge is added to the session's spend as it is recorded, so a replay that stops halfway counts too.
     */
    public static Replay replay(Path library, Path workDir, String arg, boolean trust, Supplier<Backend> backends,
                                Spending spending) {
        Path packDir = importedPack(library, workDir, arg, trust);
        ReplayPlan plan = plan(packDir, trust);
        if (spending.limited()) {
            ReplayCost cost = ReplayCost.of(plan);
            if (cost.unknown() > 0) {
                throw new DslException("budget: pack 'replay' of " + packDir.getFileName() + " is refused, nothing was sent: "
                        + cost.unknown() + " of its " + plan.steps().size() + " assets carry no recorded cost, so the replay cannot"
                        + " be priced before sending. To replay it anyway, lift the budget (budget null) and set it again after.")
                        .token("budget");
            }
            spending.check("pack 'replay' of " + plan.steps().size() + " assets", cost.estimate());
        }
        Library lib = Library.open(library);
        LeonardoStudio studio = new LeonardoStudio(backends, lib, ImageSource.relativeTo(packDir), a -> {
            if (a.provenance().cost() != null) spending.charged(a.provenance().cost().amount());
        });
        return new Replay(packDir, plan, PackReplayer.replay(plan, new StudioReplayGenerator(studio, lib)));
    }

    // ---------------------------------------------------------------- values from the script

    private static String definitionId(Object v, String key) {
        if (v instanceof CharacterDef d) return d.id();
        if (v instanceof StyleDef d) return d.id();
        if (v instanceof CameraDef d) return d.id();
        if (v instanceof NegativesDef d) return d.id();
        if (v instanceof TemplateDef d) return d.id();
        if (v instanceof PipelineDef d) return d.id();
        if (v instanceof CharSequence s) return s.toString();
        throw new DslException(key + ": takes definitions (e.g. [mara]) or their ids in quotes; got " + describe(v)).token(key);
    }

    private static List<?> list(Object v) {
        if (v == null) return List.of();
        return v instanceof List<?> l ? l : List.of(v);
    }

    private static boolean flag(Map<String, Object> o, String k) {
        Object v = o.get(k);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new DslException(k + ": takes true or false; got " + describe(v)).token(k);
    }

    private static String text(Map<String, Object> o, String k, String dflt) {
        Object v = o.get(k);
        if (v == null) return dflt;
        if (v instanceof CharSequence s) return s.toString();
        throw new DslException(k + ": takes text in quotes, e.g. " + k + ": 'value'; got " + describe(v)).token(k);
    }

    private static Map<String, String> textMap(Map<String, Object> o, String k) {
        Object v = o.get(k);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) {
            throw new DslException(k + ": takes a map, e.g. " + k + ": ['Leonardo Kino XL': 'commercial use allowed']; got " + describe(v)).token(k);
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((a, b) -> out.put(definitionIdOrText(a), String.valueOf(b)));
        return out;
    }

    private static String definitionIdOrText(Object v) {
        return v instanceof CharSequence s ? s.toString() : definitionId(v, "key");
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }
}
