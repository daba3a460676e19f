package dev.sitter.dsl;

import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;
import dev.sitter.prompt.Compiled;
import dev.sitter.prompt.Definitions;
import dev.sitter.prompt.PromptException;
import dev.sitter.prompt.PromptLint;
import dev.sitter.prompt.PromptRequest;
import dev.sitter.prompt.RequestValidator;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base class of every Sitter script: its public methods are the DSL's top-level keywords.
 * Definitions ({@code character}, {@code style}, {@code camera}, {@code negatives}, {@code template},
 * {@code pipeline}) run their block against a spec and register the result; {@code prompt} compiles a
 * request without any network; the generation commands compile, then hand over to the shell's
 * {@link Studio}.
 */
public abstract class SitterScript extends Script {
    /** The top-level keywords, for "did you mean" and "wrong arguments" messages. */
    static final List<String> KEYWORDS = List.of("character", "style", "camera", "negatives", "template", "pipeline",
            "include", "prompt", "generate", "refine", "inpaint", "composite", "upscale", "removeBackground", "estimate", "credits",
            "models", "run", "budget", "master", "pack");
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("character", "character('mara') { name 'Mara Voss' ... }"),
            Map.entry("style", "style('noir') { model 'Leonardo Kino XL'; tokens 'film noir' }"),
            Map.entry("camera", "camera('portrait85') { tokens '85mm f/1.8' }"),
            Map.entry("negatives", "negatives('hard') { tokens 'extra fingers', 'watermark' }"),
            Map.entry("template", "template('canonical') { style 'noir'; size 832, 1216 }"),
            Map.entry("pipeline", "pipeline('pack') { explore count: 8; select top: 2 }"),
            Map.entry("include", "include 'blocks/styles/noir.groovy'"),
            Map.entry("prompt", "prompt mara, template: 'canonical', seed: 4242"),
            Map.entry("generate", "generate mara, template: 'canonical', seed: 4242, count: 4"),
            Map.entry("refine", "refine shots[1], strength: 0.3"),
            Map.entry("inpaint", "inpaint shots[0], mask: 'masks/hair.png', strength: 0.5"),
            Map.entry("composite", "composite shots[0], from: master(mara), mask: 'masks/eyes.png'"),
            Map.entry("upscale", "upscale best, mode: 'ultra'"),
            Map.entry("removeBackground", "removeBackground best"),
            Map.entry("estimate", "estimate mara, template: 'canonical', count: 4"),
            Map.entry("credits", "credits()"),
            Map.entry("models", "models()"),
            Map.entry("run", "run 'pack', character: mara, template: 'canonical', seed: 4242"),
            Map.entry("budget", "budget 200"),
            Map.entry("master", "master mara, best"),
            Map.entry("pack", "pack 'export', 'mara-pack', characters: [mara], assetsOf: [mara], tosReviewed: '2026-03-01'"));
    private static final List<String> PROMPT_OPTIONS = List.of("template", "seed", "count", "scene");
    /** What {@code run} and {@code estimate} of a pipeline take: the request's parts; how many images is the pipeline's explore count. */
    private static final List<String> RUN_OPTIONS = List.of("character", "template", "seed", "scene");
    private static final List<String> REFINE_OPTIONS = List.of("strength", "character", "template", "seed", "scene");
    private static final List<String> INPAINT_OPTIONS = List.of("mask", "strength", "character", "template", "seed", "scene");
    private static final List<String> COMPOSITE_OPTIONS = List.of("from", "mask", "denoise", "feather");
    private static final List<String> UPSCALE_OPTIONS = List.of("mode", "factor", "style", "creativity", "similarity", "detailContrast");
    /** The named arguments of each {@code pack} action; they mirror {@code sitter pack}'s options. */
    private static final Map<String, List<String>> PACK_OPTIONS = Map.of(
            "export", List.of("name", "scripts", "characters", "styles", "cameras", "negatives", "templates", "pipelines",
                    "assets", "assetsOf", "version", "author", "license", "tosReviewed", "created", "modelNotes",
                    "realPersons", "consent", "out", "force"),
            "check", List.of("file"),
            "import", List.of("file", "trust"),
            "replay", List.of("file", "trust"));

    private SitterShell shell;

    void attach(SitterShell s) { shell = s; }

    private SitterShell shell() {
        if (shell == null) throw new IllegalStateException("a Sitter script must be run by SitterShell");
        return shell;
    }

    // ------------------------------------------------------------ definitions

    /** Defines (or redefines) a character; the block sets its identity fields and anchor images. */
    public CharacterDef character(String id,
            @DelegatesTo(value = CharacterSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        CharacterSpec spec = new CharacterSpec(shell(), checkId(id, "character"));
        spec.configure(body);
        CharacterDef def = spec.build();
        for (String w : PromptLint.anchors(def)) shell().warn(w);
        shell().define(def);
        return def;
    }

    /** The character with this id: {@code character('mara')}. */
    public CharacterDef character(String id) { return (CharacterDef) lookup(Definitions.Kind.CHARACTER, id); }

    public StyleDef style(String id, @DelegatesTo(value = StyleSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        StyleSpec spec = new StyleSpec(shell(), checkId(id, "style"));
        spec.configure(body);
        StyleDef def = spec.build();
        shell().define(def);
        return def;
    }

    public StyleDef style(String id) { return (StyleDef) lookup(Definitions.Kind.STYLE, id); }

    public CameraDef camera(String id, @DelegatesTo(value = TokensSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        TokensSpec spec = new TokensSpec(shell(), "camera", checkId(id, "camera"), "tokens '85mm f/1.8', 'head and shoulders'");
        spec.configure(body);
        CameraDef def = new CameraDef(id, spec.tokens());
        shell().define(def);
        return def;
    }

    public CameraDef camera(String id) { return (CameraDef) lookup(Definitions.Kind.CAMERA, id); }

    public NegativesDef negatives(String id, @DelegatesTo(value = TokensSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        TokensSpec spec = new TokensSpec(shell(), "negatives", checkId(id, "negatives"), "tokens 'extra fingers', 'watermark'");
        spec.configure(body);
        NegativesDef def = new NegativesDef(id, spec.tokens());
        shell().define(def);
        return def;
    }

    public NegativesDef negatives(String id) { return (NegativesDef) lookup(Definitions.Kind.NEGATIVES, id); }

    public TemplateDef template(String id, @DelegatesTo(value = TemplateSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        TemplateSpec spec = new TemplateSpec(shell(), checkId(id, "template"));
        spec.configure(body);
        TemplateDef def = spec.build();
        shell().define(def, spec.sizeSite());
        return def;
    }

    public TemplateDef template(String id) { return (TemplateDef) lookup(Definitions.Kind.TEMPLATE, id); }

    public PipelineDef pipeline(String id, @DelegatesTo(value = PipelineSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        PipelineSpec spec = new PipelineSpec(shell(), checkId(id, "pipeline"));
        spec.configure(body);
        PipelineDef def = spec.build();
        shell().define(def);
        return def;
    }

    public PipelineDef pipeline(String id) { return (PipelineDef) lookup(Definitions.Kind.PIPELINE, id); }

    /** Runs a block file: the script's folder, then the prompt library, then the shipped prompt-library/. */
    public Object include(String path) { return shell().include(path); }

    // ------------------------------------------------------------ compiling

    /** The compiled request, with no network: {@code prompt mara, template: 'canonical', seed: 4242}. */
    public PromptSpec prompt(Map<String, Object> opts, Object subject) {
        Args.options(opts, PROMPT_OPTIONS, "prompt", "");
        return compile(subject, opts, "prompt");
    }

    public PromptSpec prompt(Object subject) { return prompt(Map.of(), subject); }

    public List<?> generate(Map<String, Object> opts, Object subject) {
        Args.options(opts, PROMPT_OPTIONS, "generate", "");
        PromptSpec spec = compile(subject, opts, "generate");
        Studio studio = shell().studio();
        Budget budget = shell().budget();
        if (budget != null && studio.charges()) budget.check("generate", studio.quote(spec), studio.spent());
        return studio.generate(spec);
    }

    public List<?> generate(Object subject) { return generate(Map.of(), subject); }

    /** Image-to-image: {@code refine shots[1], strength: 0.3} (optionally with character:/template: to change the request). */
    public Object refine(Map<String, Object> opts, Object asset) {
        Args.options(opts, REFINE_OPTIONS, "refine", "");
        double strength = strength(opts, "refine");
        PromptSpec spec = optionalSpec(opts, "refine");
        withinBudget("refine", asset(asset, "refine"), spec, opts);
        return shell().studio().refine(asset(asset, "refine"), spec, strength);
    }

    public Object inpaint(Map<String, Object> opts, Object asset) {
        Args.options(opts, INPAINT_OPTIONS, "inpaint", "");
        if (!opts.containsKey("mask")) {
            throw new DslException("`inpaint` needs a mask image: " + EXAMPLES.get("inpaint")).token("inpaint");
        }
        String mask = Args.text(opts.get("mask"), "mask", " in inpaint", "mask: 'masks/hair.png'");
        Path maskFile = shell().resolveReference(shell().anchorImage(mask, null).path());
        Double strength = opts.containsKey("strength") ? strength(opts, "inpaint") : null;
        PromptSpec spec = optionalSpec(opts, "inpaint");
        withinBudget("inpaint", asset(asset, "inpaint"), spec, opts);
        return shell().studio().inpaint(asset(asset, "inpaint"), maskFile, spec, strength);
    }

    /**
     * {@code composite shot, from: master(mara), mask: 'masks/eyes.png', denoise: 0.2, feather: 6}: pastes the
     * mask's white part of a verified image onto the shot with a soft edge, then a light denoise pass blends it.
     * {@code from:} is an asset, an asset id, or a character (its master).
     */
    public Object composite(Map<String, Object> opts, Object asset) {
        Args.options(opts, COMPOSITE_OPTIONS, "composite", "");
        for (String required : List.of("from", "mask")) {
            if (!opts.containsKey(required) || opts.get(required) == null) {
                throw new DslException("`composite` needs " + required + ": (" + (required.equals("from")
                        ? "the verified image to copy the patch from" : "a black-and-white PNG the size of the image, white = the patch")
                        + "), e.g. " + EXAMPLES.get("composite")).token("composite");
            }
        }
        Object from = opts.get("from");
        if (from instanceof CharacterDef c) from = shell().studio().master(c.id());
        String mask = Args.text(opts.get("mask"), "mask", " in composite", "mask: 'masks/eyes.png'");
        Path maskFile = shell().resolveReference(shell().anchorImage(mask, null).path());
        Double denoise = opts.containsKey("denoise")
                ? Args.number(opts.get("denoise"), "denoise", " in composite", "denoise: 0.2") : null;
        Integer feather = opts.containsKey("feather")
                ? Args.integer(opts.get("feather"), "feather", " in composite", "feather: 6") : null;
        try {
            dev.sitter.pipeline.CompositeOptions.of(denoise, feather); // checked here too, to point at the option
        } catch (dev.sitter.pipeline.CompositeOptions.OutOfRange e) {
            throw new DslException(e.getMessage()).token(e.option());
        }
        Object target = asset(asset, "composite");
        withinBudget("composite", target, null, opts);
        return shell().studio().composite(target, from, maskFile, denoise, feather);
    }

    public Object composite(Object asset) { return composite(Map.of(), asset); }

    public Object upscale(Map<String, Object> opts, Object asset) {
        Args.options(opts, UPSCALE_OPTIONS, "upscale", "");
        if (opts.containsKey("mode")) {
            String mode = Args.text(opts.get("mode"), "mode", " in upscale", "mode: 'ultra'");
            String problem = dev.sitter.leonardo.UpscaleModes.problem(mode);
            if (problem != null) throw new DslException(problem).token(mode);
        }
        withinBudget("upscale", asset(asset, "upscale"), null, opts);
        return shell().studio().upscale(asset(asset, "upscale"), new LinkedHashMap<>(opts));
    }

    public Object upscale(Object asset) { return upscale(Map.of(), asset); }

    public Object removeBackground(Object asset) {
        withinBudget("removeBackground", asset(asset, "removeBackground"), null, Map.of());
        return shell().studio().removeBackground(asset(asset, "removeBackground"));
    }

    /** A session budget applies to every paid command: its price is asked first, and a call that would pass the limit is refused unsent. */
    private void withinBudget(String command, Object asset, PromptSpec spec, Map<String, Object> opts) {
        Studio studio = shell().studio();
        Budget budget = shell().budget();
        if (budget != null && studio.charges()) {
            budget.check(command, studio.quote(command, asset, spec, opts), studio.spent(), "pick a smaller or cheaper step");
        }
    }

    /**
     * {@code estimate mara, template: 'canonical', count: 4} prices one request;
     * {@code estimate 'pack', character: mara, template: 'canonical', seed: 4242} prices a whole pipeline.
     */
    public Object estimate(Map<String, Object> opts, Object subject) {
        PipelineDef pipeline = subject instanceof PipelineDef d ? d
                : subject instanceof CharSequence s && opts.containsKey("character")
                        ? (PipelineDef) shell().definitions().find(Definitions.Kind.PIPELINE, s.toString()) : null;
        if (pipeline != null || (subject instanceof CharSequence && opts.containsKey("character"))) {
            RunRequest r = runRequest(opts, subject, "estimate");
            return shell().studio().estimateRun(r.pipeline(), r.spec(), r.rest());
        }
        Args.options(opts, PROMPT_OPTIONS, "estimate", "");
        return shell().studio().estimate(compile(subject, opts, "estimate"));
    }

    public Object estimate(Object subject) { return estimate(Map.of(), subject); }

    public Object credits() { return shell().studio().credits(); }

    /** {@code credits} written without parentheses. */
    public Object getCredits() { return credits(); }

    public Object models() { return shell().studio().models(); }

    /** {@code models} written without parentheses. */
    public Object getModels() { return models(); }

    /** {@code run 'pack', character: mara, template: 'canonical', seed: 4242}. */
    public Object run(Map<String, Object> opts, Object pipeline) {
        RunRequest r = runRequest(opts, pipeline, "run");
        Studio studio = shell().studio();
        Budget budget = shell().budget();
        if (budget != null && studio.charges()) {
            budget.check("run '" + r.pipeline().id() + "'", studio.estimateRun(r.pipeline(), r.spec(), r.rest()).total(), studio.spent());
        }
        return studio.runPipeline(r.pipeline(), r.spec(), r.rest());
    }

    /**
     * {@code budget 200}: a session-wide limit in credits; any generate or run whose estimate would take
     * this session's spend past it is refused before anything is sent. {@code budget null} lifts it.
     */
    public Object budget(Object limit) {
        if (limit == null) {
            shell().budget(null);
            return "no budget: commands are not limited";
        }
        double v = Args.number(limit, "budget", "", "budget 200");
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new DslException("budget must be a positive number of credits, e.g. budget 200; got " + Args.show(limit)).token("budget");
        }
        Budget b = shell().budget(java.math.BigDecimal.valueOf(v));
        return b + " (spent so far: " + Budget.plain(shell().spent()) + ")";
    }

    /** {@code budget} alone: the current limit and spend. */
    public Object getBudget() {
        Budget b = shell().budget();
        return (b == null ? "no budget set" : b.toString()) + " (spent so far: " + Budget.plain(shell().spent()) + ")";
    }

    /**
     * {@code master mara, best}: the image becomes mara's master, the base for later image-to-image
     * runs and the first reference of drift scoring; kept in the library for later sessions.
     */
    public Object master(Object character, Object asset) {
        if (asset == null) {
            throw new DslException("`master` got nothing (null) as the image; " + EXAMPLES.get("master")).token("master");
        }
        if (asset instanceof List<?> l) {
            throw new DslException("`master` takes one image but got a list of " + l.size() + "; pick one, e.g. shots[0]").token("master");
        }
        return shell().studio().master(characterId(character), asset);
    }

    /** {@code master mara}: the character's master image, e.g. {@code refine master(mara), strength: 0.3}. */
    public Object master(Object character) {
        return shell().studio().master(characterId(character));
    }

    private String characterId(Object character) {
        if (character instanceof CharacterDef c) return c.id();
        if (character instanceof CharSequence s) return ((CharacterDef) lookup(Definitions.Kind.CHARACTER, s.toString())).id();
        throw new DslException("`master` takes a character first (e.g. " + EXAMPLES.get("master") + "); got " + Args.show(character))
                .token("master");
    }

    private record RunRequest(PipelineDef pipeline, PromptSpec spec, Map<String, Object> rest) {}

    private RunRequest runRequest(Map<String, Object> opts, Object pipeline, String command) {
        PipelineDef p = pipeline instanceof PipelineDef d ? d
                : (PipelineDef) lookup(Definitions.Kind.PIPELINE, Args.text(pipeline, command, "", EXAMPLES.get(command)));
        // Checked before anything is priced or sent: a misspelt `sed:` must not run (and pay) with another seed.
        if (opts.containsKey("count")) {
            throw new DslException("`" + command + " '" + p.id() + "'` takes no count: the pipeline's explore step sets how many images"
                    + " it makes (explore count: 8); drop count:").token("count");
        }
        Args.options(opts, RUN_OPTIONS, command + " '" + p.id() + "'", "");
        if (!opts.containsKey("character")) {
            throw new DslException("`" + command + " '" + p.id() + "'` needs a character: " + EXAMPLES.get("run").replace("run", command))
                    .token(command);
        }
        // The seed names the run folder (runs/PIPELINE-CHARACTER-SEED) that lets a killed run resume without paying
        // twice; a drawn seed would start a new, fully paid run on every restart, so a run must say its seed.
        if (command.equals("run") && opts.get("seed") == null) {
            throw new DslException("`run '" + p.id() + "'` needs a seed: it makes the run repeatable and names its folder"
                    + " (runs/" + p.id() + "-CHARACTER-SEED), so the same command resumes a stopped run; write e.g. "
                    + EXAMPLES.get("run")).token("run");
        }
        Map<String, Object> promptOpts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : opts.entrySet()) {
            if (!e.getKey().equals("character")) promptOpts.put(e.getKey(), e.getValue());
        }
        PromptSpec spec = compile(opts.get("character"), promptOpts, command);
        return new RunRequest(p, spec, new LinkedHashMap<>());
    }

    // ------------------------------------------------------------ packs

    /**
     * {@code pack 'export', 'mara-pack', characters: [mara], assetsOf: [mara], ...}, {@code pack 'check', 'mara-pack-1.0.0.zip'},
     * {@code pack 'import', FILE}, {@code pack 'replay', FILE_OR_NAME/VERSION}: the same work as {@code sitter pack}.
     */
    public Object pack(Map<String, Object> opts, String action, Object target) {
        List<String> allowed = PACK_OPTIONS.get(action);
        if (allowed == null) {
            String close = Args.closest(action == null ? "" : action, List.copyOf(PACK_OPTIONS.keySet()));
            throw new DslException("`pack` does not know '" + action + "'" + (close == null ? "" : " \u2014 did you mean '" + close + "'?")
                    + "; use pack 'export', 'check', 'import' or 'replay', e.g. " + EXAMPLES.get("pack")).token(action);
        }
        Args.options(opts, allowed, "pack '" + action + "'", "");
        String key = action.equals("export") ? "name" : "file";
        if (target != null && opts.containsKey(key)) {
            throw new DslException("`pack '" + action + "'` got the " + key + " twice (positionally and as " + key + ":); give it once")
                    .token("pack");
        }
        Object t = target != null ? target : opts.get(key);
        if (t == null) {
            throw new DslException("`pack '" + action + "'` needs " + (action.equals("export")
                    ? "the pack's name: pack 'export', 'mara-pack', characters: [mara], ..."
                    : "the pack file: pack '" + action + "', 'mara-pack-1.0.0.zip'")).token("pack");
        }
        String what = Args.text(t, key, " in pack '" + action + "'", action.equals("export") ? "'mara-pack'" : "'mara-pack-1.0.0.zip'");
        Map<String, Object> rest = new LinkedHashMap<>(opts);
        rest.remove(key);
        List<Path> scripts = new java.util.ArrayList<>();
        if (action.equals("export")) {
            if (rest.containsKey("scripts")) {
                for (Object o : listOf(rest.remove("scripts"))) {
                    scripts.add(shell().currentDir().resolve(Args.text(o, "scripts", " in pack 'export'", "scripts: ['mara.groovy']")).normalize());
                }
            } else if (shell().runningScriptFile() != null) {
                scripts.add(shell().runningScriptFile());
            } else {
                throw new DslException("`pack 'export'` in the console needs the scripts that define what goes in: "
                        + "scripts: ['mara.groovy'] (a script run by `sitter run` exports its own file by default)").token("pack");
            }
        }
        return shell().packs().pack(action, what, rest, scripts, shell().currentDir(), sessionSpending());
    }

    /** The session's budget and spend for a paid pack action (a replay regenerates through its own Studio). */
    private Packs.Spending sessionSpending() {
        return new Packs.Spending() {
            @Override public boolean limited() { return shell().budget() != null && shell().studio().charges(); }

            @Override public void check(String what, long estimate) {
                if (limited()) {
                    shell().budget().check(what, estimate, shell().studio().spent(), "replay a pack with fewer paid assets");
                }
            }

            @Override public void charged(java.math.BigDecimal credits) { shell().studio().charged(credits); }
        };
    }

    public Object pack(Map<String, Object> opts, String action) { return pack(opts, action, null); }

    public Object pack(String action, Object target) { return pack(Map.of(), action, target); }

    public Object pack(String action) { return pack(Map.of(), action, null); }

    private static List<?> listOf(Object v) {
        return v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
    }

    // ------------------------------------------------------------ helpers

    private PromptSpec compile(Object subject, Map<String, Object> opts, String command) {
        CharacterDef character = null;
        String text = null;
        if (subject instanceof CharacterDef c) character = c;
        else if (subject instanceof CharSequence s) {
            character = (CharacterDef) shell().definitions().find(Definitions.Kind.CHARACTER, s.toString());
            if (character == null) text = s.toString();
        } else {
            throw new DslException("`" + command + "` takes a character (e.g. " + command + " mara, ...) or prompt text in quotes; got "
                    + Args.show(subject)).token(command);
        }
        TemplateDef template = null;
        Object t = opts.get("template");
        if (t instanceof TemplateDef d) template = d;
        else if (t != null) template = (TemplateDef) lookup(Definitions.Kind.TEMPLATE, Args.text(t, "template", " in " + command, "template: 'canonical'"));
        Long seed = opts.containsKey("seed") ? Args.longValue(opts.get("seed"), "seed", " in " + command, "seed: 4242") : null;
        Integer count = opts.containsKey("count") ? Args.integer(opts.get("count"), "count", " in " + command, "count: 4") : null;
        String scene = opts.containsKey("scene") ? Args.text(opts.get("scene"), "scene", " in " + command, "scene: 'in the rain'") : null;

        if (text != null || scene != null) {
            @SuppressWarnings("unchecked")
            List<CharacterDef> all = (List<CharacterDef>) (List<?>) List.copyOf(shell().definitions().all(Definitions.Kind.CHARACTER).values());
            if (text != null) PromptLint.handWritten(text, all).forEach(shell()::warn);
            if (scene != null) PromptLint.handWritten(scene, all).forEach(shell()::warn);
        }

        CallSite at = shell().callSite();
        Compiled compiled;
        try {
            compiled = shell().compile(new PromptRequest(character, text, template, seed, count, scene, at.file(), at.line()));
        } catch (PromptException e) {
            CallSite size = template == null || !e.field().equals("size") ? CallSite.NONE : shell().sizeSite(template);
            throw new DslException((template == null ? "" : "template '" + template.id() + "': ") + e.getMessage()
                    + (size.file() == null ? "" : " (the size is set at " + size.file() + ":" + size.line() + ")"), e)
                    .token(e.field().equals("template") ? "template" : null);
        }
        for (String w : compiled.warnings()) shell().warn(w, at);
        return compiled.spec();
    }

    private PromptSpec optionalSpec(Map<String, Object> opts, String command) {
        if (!opts.containsKey("character") && !opts.containsKey("template")) {
            if (opts.containsKey("seed") || opts.containsKey("scene")) {
                throw new DslException("`" + command + "` with seed: or scene: also needs character: and template: to build the new request")
                        .token(command);
            }
            return null;
        }
        if (!opts.containsKey("character")) {
            throw new DslException("`" + command + "` with template: also needs character:, e.g. character: mara").token(command);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : PROMPT_OPTIONS) if (opts.containsKey(k)) p.put(k, opts.get(k));
        return compile(opts.get("character"), p, command);
    }

    private double strength(Map<String, Object> opts, String command) {
        if (!opts.containsKey("strength")) {
            throw new DslException("`" + command + "` needs a strength: " + EXAMPLES.get(command)).token(command);
        }
        double s = Args.number(opts.get("strength"), "strength", " in " + command, "strength: 0.3");
        try {
            RequestValidator.initStrength(s, dev.sitter.prompt.ModelProfiles.builtIn().resolve("Leonardo Kino XL"));
        } catch (PromptException e) {
            throw new DslException(e.getMessage(), e).token("strength");
        }
        return s;
    }

    private static Object asset(Object asset, String command) {
        if (asset == null) {
            throw new DslException("`" + command + "` got nothing (null) to work on; pass an image from generate, e.g. shots[0]")
                    .token(command);
        }
        if (asset instanceof List<?> l) {
            throw new DslException("`" + command + "` works on one image but got a list of " + l.size()
                    + "; pick one, e.g. shots[0]").token(command);
        }
        return asset;
    }

    private Object lookup(Definitions.Kind kind, String id) {
        try {
            return shell().definitions().get(kind, id);
        } catch (PromptException e) {
            throw new DslException(e.getMessage(), e).token(id);
        }
    }

    private static String checkId(String id, String kind) {
        if (id == null || id.isBlank() || !id.strip().equals(id)) {
            throw new DslException(kind + " id '" + id + "' must be a non-empty word without surrounding spaces, e.g. "
                    + kind + "('mara') { ... }").token(kind);
        }
        return id;
    }
}
