package dev.sitter.cli;

import dev.sitter.dsl.SitterHome;
import dev.sitter.library.LibraryLocation;
import dev.sitter.studio.LazyBackend;
import dev.sitter.studio.StudioPacks;
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
import dev.sitter.pack.ReleaseChecklist;
import dev.sitter.pack.ReplayGenerator;
import dev.sitter.pack.ReplayPlan;
import dev.sitter.pack.ZipLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code sitter pack export|check|import|replay}: share characters as prompt+asset packs, safely. */
public final class PackCommand implements Command {
    /** Makes images for {@code pack replay} instead of Sitter's client (tests, other backends); null for the client. */
    public static volatile java.util.function.Function<CliContext, ReplayGenerator> replayGenerator;

    @Override public String name() { return "pack"; }

    @Override public String summary() { return "export, check, import and replay prompt+asset packs"; }

    @Override public String help() {
        return """
                usage: sitter pack export NAME --script FILE [options]
                       sitter pack check FILE.zip
                       sitter pack import FILE.zip [--trust]
                       sitter pack replay FILE.zip|NAME [--trust]

                export   writes NAME-VERSION.zip: pack.json (every file with size and SHA-256), one
                         self-contained script (includes resolved), the files it names, the chosen
                         assets with their provenance records, a README with a contact sheet and the
                         release checklist result. Same inputs give the same bytes.
                  --script FILE        a script whose definitions go in (repeatable)
                  --define ID          keep only these definitions (+ what templates use); default all
                  --asset ID           an asset from the library (id or prefix; repeatable)
                  --assets-of CHAR     every asset of a character
                  --version V          pack version (default 1.0.0)
                  --author NAME        --license TEXT      --tos-reviewed YYYY-MM-DD
                  --model-note 'MODEL=NOTE'   licence note for a model (repeatable)
                  --real-person CHAR   flag a character as a real person's likeness
                  --consent 'CHAR=NOTE'       consent note for such a character
                  --created ISO        creation time (default: latest asset record, or SOURCE_DATE_EPOCH)
                  --out FILE           where to write (default NAME-VERSION.zip)
                  --force              write even if the release checklist fails (recorded in pack.json)
                check    runs the release checklist on a pack file; exit 1 when it fails.
                import   verifies every file against pack.json, checks every script against the
                         declarative DSL subset, then moves the pack into LIBRARY/packs/NAME/VERSION.
                         Runs nothing. --trust accepts scripts outside the subset (with a warning).
                replay   imports the pack if given a zip, reads its scripts (declaratively; --trust
                         for full Groovy), checks they reproduce each generate/explore request
                         (a mismatch names the fields), checks the archive first, regenerates
                         every asset through Sitter's client (the sandbox without a key; recorded in
                         the library), refine/upscale steps on their regenerated parent, and reports
                         whether each image is byte-identical.
                export also adds the images chosen assets were made from, so the pack replays.
                In scripts and the console: pack 'export', 'NAME', characters: [mara], ... (see /help pack).
                common:  --library DIR (default $SITTER_LIBRARY or ./prompt-library)

                example: sitter pack export mara-set --script mara.groovy --assets-of mara \\
                             --author 'Ada' --license CC-BY-4.0 --tos-reviewed 2026-03-01 \\
                             --model-note 'Leonardo Kino XL=commercial use per Leonardo ToS'
                """;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        if (args.isEmpty()) throw new UsageException("say what to do: export, check, import or replay");
        Opts o = Opts.parse(args.subList(1, args.size()));
        try {
            return switch (args.get(0)) {
                case "export" -> export(o, ctx);
                case "check" -> check(o, ctx);
                case "import" -> importPack(o, ctx);
                case "replay" -> replay(o, ctx);
                default -> throw new UsageException("unknown pack action '" + args.get(0) + "'; use export, check, import or replay");
            };
        } catch (PackException e) {
            ctx.err().println("sitter pack " + args.get(0) + ": " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        }
    }

    private int export(Opts o, CliContext ctx) {
        String name = o.single("pack name");
        List<Path> scripts = o.paths("--script", ctx);
        if (scripts.isEmpty()) throw new UsageException("export needs at least one --script FILE");
        Path library = library(o, ctx);
        List<ExportAsset> assets = new ArrayList<>();
        LibraryAssets lib = null;
        for (String id : o.all("--asset")) assets.add((lib = lib != null ? lib : new LibraryAssets(library)).byId(id));
        for (String c : o.all("--assets-of")) assets.addAll((lib = lib != null ? lib : new LibraryAssets(library)).ofCharacter(c));
        if (!assets.isEmpty()) {
            List<String> notes = new ArrayList<>();
            assets = new LibraryAssets(library).withAncestors(dedupe(assets), notes);
            notes.forEach(n -> ctx.err().println("note: " + n));
        }
        String version = o.one("--version", "1.0.0");
        ExportRequest req = new ExportRequest(name, version, o.one("--author", null), o.one("--license", null),
                o.one("--tos-reviewed", null), o.one("--created", null), scripts, new LinkedHashSet<>(o.all("--define")),
                includeDirs(library, ctx), dedupe(assets), o.pairs("--model-note"), new LinkedHashSet<>(o.all("--real-person")),
                o.pairs("--consent"), o.flag("--force"), ctx.env().get("LEONARDO_API_KEY"));
        Path out = o.has("--out") ? ctx.workDir().resolve(o.one("--out", null)) : ctx.workDir().resolve(name + "-" + version + ".zip");
        PackExporter.Result r = new PackExporter().export(req, out);
        ctx.out().print(ReleaseChecklist.render(r.manifest().checklist()));
        ctx.out().println("wrote " + r.zip() + " (" + (r.manifest().files().size() + 1) + " files, " + r.bytes() + " bytes, "
                + r.manifest().assets().size() + " assets)");
        if (!r.dropped().isEmpty()) {
            ctx.out().println("left out of the pack script (commands, not definitions): " + r.dropped().size() + " statements");
        }
        return ExitCodes.OK;
    }

    private int check(Opts o, CliContext ctx) {
        Path zip = ctx.workDir().resolve(o.single("pack file"));
        PackManifest.Checklist c = PackCheck.check(zip, ZipLimits.DEFAULT, ctx.env().get("LEONARDO_API_KEY"));
        ctx.out().print(ReleaseChecklist.render(c));
        return c.passed() ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
    }

    private int importPack(Opts o, CliContext ctx) {
        Path zip = ctx.workDir().resolve(o.single("pack file"));
        boolean trust = o.flag("--trust");
        if (trust) warnTrust(ctx);
        PackImporter.Result r = new PackImporter(library(o, ctx), ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, trust);
        r.warnings().forEach(w -> ctx.err().println("warning: " + w));
        ctx.out().println("imported " + r.manifest().name() + " " + r.manifest().version() + " by " + r.manifest().author()
                + ": " + r.files() + " files, " + r.bytes() + " bytes, " + r.manifest().assets().size() + " assets, into " + r.dir());
        ctx.out().println(StudioPacks.importedAssetsNote(r));
        if (r.manifest().checklist() != null && r.manifest().checklist().forced()) {
            ctx.err().println("warning: its author exported it with --force although the release checklist failed; see its README.md");
        }
        return ExitCodes.OK;
    }

    private int replay(Opts o, CliContext ctx) throws Exception {
        String arg = o.single("pack file or name");
        boolean trust = o.flag("--trust");
        if (trust) warnTrust(ctx);
        Path library = library(o, ctx);
        java.util.function.Function<CliContext, ReplayGenerator> hook = replayGenerator;
        StudioPacks.Replay replay;
        if (hook != null) {
            Path packDir = StudioPacks.importedPack(library, ctx.workDir(), arg, trust);
            ReplayPlan plan = StudioPacks.plan(packDir, trust);
            replay = new StudioPacks.Replay(packDir, plan, PackReplayer.replay(plan, hook.apply(ctx)));
        } else {
            // opened on the first image: a broken zip or a refused script is reported before any sandbox starts
            try (LazyBackend backend = new LazyBackend(ctx.env(), RunCommand.userHome(ctx), ctx.err())) {
                replay = StudioPacks.replay(library, ctx.workDir(), arg, trust, backend);
            }
        }
        replay.plan().warnings().forEach(w -> ctx.err().println("warning: " + w));
        ctx.out().println(replay.render());
        return replay.report().allIdentical() ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
    }

    private static void warnTrust(CliContext ctx) {
        ctx.err().println("WARNING: --trust lets this pack's scripts use all of Groovy. A script from someone else can then"
                + " read, change or delete your files and send them anywhere. Only use --trust for packs whose author you trust.");
    }

    static Path library(Opts o, CliContext ctx) {
        return LibraryLocation.resolve(o.one("--library", null), ctx.env(), ctx.workDir());
    }

    /** Where export resolves includes after the script's folder: the library, then the shipped blocks (as the DSL does). */
    private static List<Path> includeDirs(Path library, CliContext ctx) {
        List<Path> dirs = new ArrayList<>(List.of(library));
        Path shipped = SitterHome.shippedLibrary(ctx.env().get("SITTER_HOME"));
        if (shipped != null) dirs.add(shipped);
        return dirs;
    }

    private static List<ExportAsset> dedupe(List<ExportAsset> in) {
        Map<String, ExportAsset> m = new LinkedHashMap<>();
        for (ExportAsset a : in) m.putIfAbsent(a.id(), a);
        return new ArrayList<>(m.values());
    }

    /** Parsed options: positionals plus repeatable --name value pairs and flags. */
    record Opts(List<String> positionals, Map<String, List<String>> values, Set<String> flags) {
        private static final Set<String> FLAGS = Set.of("--force", "--trust");

        static Opts parse(List<String> args) {
            List<String> pos = new ArrayList<>();
            Map<String, List<String>> vals = new LinkedHashMap<>();
            Set<String> flags = new LinkedHashSet<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (FLAGS.contains(a)) {
                    flags.add(a);
                } else if (a.startsWith("--")) {
                    if (i + 1 >= args.size()) throw new UsageException(a + " needs a value");
                    vals.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    pos.add(a);
                }
            }
            return new Opts(pos, vals, flags);
        }

        String single(String what) {
            if (positionals.size() != 1) throw new UsageException("give exactly one " + what + (positionals.isEmpty() ? "" : "; got " + positionals));
            return positionals.get(0);
        }

        boolean has(String k) { return values.containsKey(k); }

        boolean flag(String k) { return flags.contains(k); }

        List<String> all(String k) { return values.getOrDefault(k, List.of()); }

        String one(String k, String dflt) {
            List<String> v = all(k);
            if (v.size() > 1) throw new UsageException(k + " given twice");
            return v.isEmpty() ? dflt : v.get(0);
        }

        List<Path> paths(String k, CliContext ctx) {
            return all(k).stream().map(s -> ctx.workDir().resolve(s).normalize()).toList();
        }

        Map<String, String> pairs(String k) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String v : all(k)) {
                int eq = v.indexOf('=');
                if (eq <= 0) throw new UsageException(k + " takes KEY=TEXT, e.g. " + k + " 'Leonardo Kino XL=commercial use allowed'");
                m.put(v.substring(0, eq).strip(), v.substring(eq + 1).strip());
            }
            return m;
        }
    }
}
