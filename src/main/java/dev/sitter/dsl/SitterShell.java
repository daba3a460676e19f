package dev.sitter.dsl;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;
import dev.sitter.prompt.Compiled;
import dev.sitter.prompt.Definitions;
import dev.sitter.prompt.ModelProfiles;
import dev.sitter.prompt.PromptCompiler;
import dev.sitter.prompt.PromptException;
import dev.sitter.prompt.PromptRequest;
import dev.sitter.util.Sha256;
import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The DSL engine: one per script run or console session. It holds the definitions across
 * evaluations, compiles each source with one shared {@link GroovyClassLoader} and
 * {@link CompilerConfiguration} (script base class {@link SitterScript}), and turns every failure
 * into a {@link DslException} located at {@code file:line:col}. A console line and a script file
 * go through the same {@link #eval} code.
 *
 * <pre>{@code
 * SitterShell shell = SitterShell.builder().baseDir(Path.of(".")).studio(myStudio).build();
 * shell.evalFile(Path.of("dsl-examples/quickstart.groovy"));
 * Object v = shell.eval("mara.identity", "input-7");   // "Mara Voss, 34 years old, ..."
 * }</pre>
 */
public final class SitterShell {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Names a definition must not take over as a variable: the script's own plumbing and keyword properties. */
    private static final Set<String> RESERVED = Set.of("out", "binding", "args", "metaClass", "class", "property",
            "credits", "models", "this", "super", "it");

    private final Path baseDir;
    private final Path workDir;
    private final Path libraryDir;
    private final Path shippedLibrary;
    private final Consumer<DslWarning> warningSink;
    private final GroovyClassLoader loader;
    private final Binding binding = new Binding();
    private final Definitions definitions = new Definitions();
    private final PromptCompiler compiler;
    private final Map<String, Source> byInternalName = new HashMap<>();
    private final Map<String, Source> byContent = new HashMap<>();
    private final Map<String, Class<?>> classes = new HashMap<>();
    private final Deque<Source> running = new ArrayDeque<>();
    private final Map<Path, FileHash> fileHashes = new HashMap<>();
    private final Set<String> warned = new LinkedHashSet<>();
    private final List<DslWarning> warnings = new ArrayList<>();
    private final Map<TemplateDef, CallSite> sizeSites = new java.util.IdentityHashMap<>();
    private Studio studio;
    /** The studio's spend when this session began with it: the session's spend is counted from here. */
    private java.math.BigDecimal spentAtStart = java.math.BigDecimal.ZERO;
    private Budget budget;
    private Packs packs;
    /** Where the declarative pack interpreter is (it has no Groovy stack frames); null otherwise. */
    private Path interpretedFile;
    private int interpretedLine;
    private int compiled;

    private SitterShell(Builder b) {
        this.baseDir = b.baseDir.toAbsolutePath().normalize();
        this.workDir = b.workDir.toAbsolutePath().normalize();
        this.libraryDir = b.libraryDir == null ? null : b.libraryDir.toAbsolutePath().normalize();
        this.shippedLibrary = b.shippedLibrary;
        this.warningSink = b.warnings;
        this.studio = b.studio;
        this.spentAtStart = b.studio.spent();
        this.packs = b.packs;
        this.compiler = new PromptCompiler(definitions, ModelProfiles.builtIn());
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(SitterScript.class.getName());
        config.setSourceEncoding("UTF-8");
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports("dev.sitter.model");
        // Lets the console stop a runaway loop with Ctrl-C (Thread.interrupt) instead of killing the JVM.
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(ThreadInterrupt.class));
        this.loader = new GroovyClassLoader(SitterShell.class.getClassLoader(), config);
        if (b.out != null) binding.setVariable("out", b.out);
    }

    public static Builder builder() { return new Builder(); }

    /** Options of a shell; every one has a sensible default. */
    public static final class Builder {
        private Path baseDir = Path.of("");
        private Path workDir = Path.of("");
        private Path libraryDir;
        private Path shippedLibrary = SitterHome.shippedLibrary(System.getenv("SITTER_HOME"));
        private Studio studio = Studio.unavailable();
        private Packs packs = Packs.unavailable();
        private Consumer<DslWarning> warnings = w -> { };
        private java.io.PrintStream out;

        /** Where reference paths are relative to: the script's folder for {@code sitter run}, the working directory in the console. */
        public Builder baseDir(Path v) { baseDir = v; return this; }

        /** Where file names in messages are shown relative to (the user's working directory). */
        public Builder workDir(Path v) { workDir = v; return this; }

        /** The user's prompt library, searched by {@code include} after the script's own folder. */
        public Builder libraryDir(Path v) { libraryDir = v; return this; }

        /** The shipped starter library, searched last by {@code include}; null for none. */
        public Builder shippedLibrary(Path v) { shippedLibrary = v; return this; }

        public Builder studio(Studio v) { studio = v; return this; }

        /** What the {@code pack} keyword calls (export/check/import/replay); default: not available. */
        public Builder packs(Packs v) { packs = v; return this; }

        /** Receives each lint/compiler warning once, as it happens. */
        public Builder warnings(Consumer<DslWarning> v) { warnings = v; return this; }

        /** Where the script's own println goes (default: System.out). */
        public Builder out(java.io.PrintStream v) { out = v; return this; }

        public SitterShell build() { return new SitterShell(this); }
    }

    // ---------------------------------------------------------------- public API

    /**
     * Evaluates script text, e.g. one console input, with relative paths resolved against {@link #baseDir()}.
     *
     * @param sourceName how messages name it, e.g. {@code input-7}
     * @return the value of the last statement
     * @throws DslException with file:line:col for any failure of the script
     *         ({@link ScriptInterruptedException} when the thread was interrupted)
     */
    public Object eval(String text, String sourceName) {
        return evalSource(source(text, sourceName, baseDir));
    }

    /**
     * Evaluates a script file; its relative paths (anchors, includes) resolve against its folder.
     *
     * @throws DslException also when the file cannot be read
     */
    public Object evalFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DslException("cannot read script " + file + ": " + reason(e) + "; check the path", e);
        }
        Path abs = file.toAbsolutePath().normalize();
        return evalSource(source(text, display(abs), abs.getParent()));
    }

    public Definitions definitions() { return definitions; }

    /** The DSL's top-level keywords (character, style, ..., generate, run), e.g. for console completion. */
    public static List<String> keywords() { return SitterScript.KEYWORDS; }

    /** The variables scripts share: every definition by id (when the id is a valid name) and the console's own variables. */
    public Binding binding() { return binding; }

    /** Reference paths in compiled requests are relative to this folder. */
    public Path baseDir() { return baseDir; }

    /** The file a {@code ReferenceImage.path} / {@code AnchorImage.path} names. */
    public Path resolveReference(String path) { return baseDir.resolve(path).normalize(); }

    public Studio studio() { return studio; }

    public void studio(Studio s) {
        studio = s;
        spentAtStart = s.spent();
        if (budget != null) budget = new Budget(budget.limit(), spentAtStart);
    }

    /** {@code budget 200}: from now on this session refuses commands whose estimate would pass the limit. */
    Budget budget(java.math.BigDecimal limit) {
        budget = limit == null ? null : new Budget(limit, spentAtStart);
        return budget;
    }

    /** The session's budget, or null when none is set. */
    Budget budget() { return budget; }

    /** Credits this session's commands were charged so far. */
    public java.math.BigDecimal spent() { return studio.spent().subtract(spentAtStart).max(java.math.BigDecimal.ZERO); }

    public Packs packs() { return packs; }

    public void packs(Packs p) { packs = p; }

    /** Every warning so far, in order, each once. */
    public List<DslWarning> warnings() { return Collections.unmodifiableList(warnings); }

    // ---------------------------------------------------------------- the pack interpreter's entry points

    /**
     * A script instance attached to this shell, for {@code dev.sitter.pack}'s declarative
     * interpreter: it calls the same keyword methods a compiled script would, with values it read
     * from a validated AST, so a pack script defines exactly what running it as Groovy would.
     * No pack text is ever compiled.
     */
    public SitterScript hostScript() {
        SitterScript host = new SitterScript() {
            @Override public Object run() { return null; }
        };
        host.setBinding(binding);
        host.attach(this);
        return host;
    }

    /**
     * Tells the shell which script file and line the declarative interpreter is at, so messages,
     * relative paths and request recipes name it as they would for a compiled script.
     * {@code file} null ends it.
     */
    public void interpretingAt(Path file, int line) {
        interpretedFile = file == null ? null : file.toAbsolutePath().normalize();
        interpretedLine = line;
    }

    // ---------------------------------------------------------------- evaluation

    private Object evalSource(Source src) {
        try {
            return run(src);
        } catch (StackOverflowError e) {
            throw locate(new DslException("the script recursed too deeply (a method or closure that calls itself without end)", e));
        } catch (DslException | CompilationFailedException e) {
            throw locate(e);
        } catch (Exception e) {
            // Groovy rethrows checked exceptions unchecked; ThreadInterrupt raises InterruptedException this way.
            if (e instanceof InterruptedException) throw locate(new ScriptInterruptedException(e));
            throw locate(e);
        }
    }

    /**
     * Whether console input is unfinished and the console should read another line: an open
     * {@code {}, {@code (} or {@code [}, or an open triple-quoted string.
     */
    public static boolean needsMoreInput(String text) {
        return Braces.open(text) > 0;
    }

    private Object run(Source src) {
        Class<?> cls = classes.get(src.internalName());
        if (cls == null) {
            cls = loader.parseClass(new GroovyCodeSource(src.text(), src.internalName(), "/groovy/script"), false);
            classes.put(src.internalName(), cls);
        }
        SitterScript script;
        try {
            script = (SitterScript) cls.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate compiled script " + src.displayName(), e);
        }
        script.setBinding(binding);
        script.attach(this);
        running.push(src);
        try {
            return script.run();
        } finally {
            running.pop();
        }
    }

    /** A source for this text; the same text under the same name reuses its compiled class. */
    private Source source(String text, String displayName, Path dir) {
        String key = displayName + "\n" + dir + "\n" + Sha256.hex(text);
        Source s = byContent.get(key);
        if (s == null) {
            String base = displayName.replaceAll(".*[/\\\\]", "").replaceAll("\\.groovy$", "").replaceAll("[^A-Za-z0-9_]", "_");
            s = new Source("s" + (++compiled) + "_" + base + ".groovy", displayName, dir, text);
            byContent.put(key, s);
            byInternalName.put(s.internalName(), s);
        }
        return s;
    }

    private String display(Path abs) {
        return abs.startsWith(workDir) && !abs.equals(workDir) ? slashes(workDir.relativize(abs)) : slashes(abs);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    // ---------------------------------------------------------------- services for SitterScript and the specs

    /** {@code include 'blocks/styles/noir.groovy'}: the script's folder, then the library, then the shipped library. */
    Object include(String path) {
        List<Path> tried = new ArrayList<>();
        Path found = null;
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            tried.add(p);
            if (Files.isRegularFile(p)) found = p;
        } else {
            for (Path dir : new Path[] {currentDir(), libraryDir, shippedLibrary}) {
                if (dir == null) continue;
                Path c = dir.resolve(path).normalize();
                tried.add(c);
                if (Files.isRegularFile(c)) { found = c; break; }
            }
        }
        if (found == null) {
            throw new DslException("cannot include '" + path + "': no such file in " + String.join(", ",
                    tried.stream().map(t -> display(t.getParent())).distinct().toList()) + suggestFile(tried, path)
                    + "; check the path (it is relative to the script's folder or the prompt library)").token(path);
        }
        Path abs = found.toAbsolutePath().normalize();
        for (Source s : running) {
            if (s.dir() != null && s.displayName().equals(display(abs))) {
                throw new DslException("'" + path + "' includes itself (through " + s.displayName()
                        + "); remove one of the include lines").token(path);
            }
        }
        String text;
        try {
            text = Files.readString(abs, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DslException("cannot read '" + path + "': " + reason(e), e).token(path);
        }
        return run(source(text, display(abs), abs.getParent()));
    }

    private String suggestFile(List<Path> tried, String path) {
        List<String> names = new ArrayList<>();
        for (Path t : tried) {
            Path dir = t.getParent();
            if (dir == null || !Files.isDirectory(dir)) continue;
            try (var files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".groovy")).forEach(names::add);
            } catch (IOException e) {
                // only a suggestion: ignore an unreadable folder
            }
        }
        String name = Path.of(path).getFileName().toString();
        String best = Args.closest(name, names);
        return best == null ? "" : " \u2014 did you mean '" + Path.of(path).resolveSibling(best).toString().replace('\\', '/') + "'?";
    }

    /** The folder of the source running now (an included block's own folder while it runs). */
    Path currentDir() {
        if (interpretedFile != null) return interpretedFile.getParent();
        Source s = running.peek();
        return s == null || s.dir() == null ? baseDir : s.dir();
    }

    /** The script file running now (an included block's own file), or null for console input. */
    Path runningScriptFile() {
        if (interpretedFile != null) return interpretedFile;
        Source s = running.peek();
        if (s == null || s.dir() == null) return null;
        Path f = s.dir().resolve(Path.of(s.displayName()).getFileName().toString()).normalize();
        return Files.isRegularFile(f) ? f : null;
    }

    /** A checked anchor/reference image: exists, is an image, hashed; path stored relative to {@link #baseDir()}. */
    AnchorImage anchorImage(String path, String pose) {
        Path file = currentDir().resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            throw new DslException((Files.isDirectory(file) ? "image '" + path + "' is a folder, not a file"
                    : "image '" + path + "' not found") + " (looked for " + display(file)
                    + "); paths are relative to the folder of " + currentName() + ", fix the path or add the file").token(path);
        }
        String sha = hash(file, path);
        return new AnchorImage(relativeToBase(file), sha, pose);
    }

    private String currentName() {
        Source s = running.peek();
        return s == null ? "the script" : s.displayName();
    }

    private String relativeToBase(Path abs) {
        Path a = abs.toAbsolutePath().normalize();
        return a.startsWith(baseDir) ? slashes(baseDir.relativize(a)) : slashes(a);
    }

    private record FileHash(long size, long modified, String sha256) { }

    private String hash(Path file, String shown) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            FileHash h = fileHashes.get(file);
            if (h != null && h.size() == size && h.modified() == modified) return h.sha256();
            byte[] bytes = Files.readAllBytes(file);
            checkImage(bytes, shown);
            String sha = Sha256.hex(bytes);
            fileHashes.put(file, new FileHash(size, modified, sha));
            return sha;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DslException("cannot read image '" + shown + "': " + reason(e), e).token(shown);
        }
    }

    /**
     * Leonardo accepts PNG, JPEG and WebP uploads; anything else, and a damaged file of those kinds (a
     * truncated download, a bad checksum), is caught here, before an upload fails or a corrupt anchor
     * silently steers the character.
     */
    private static void checkImage(byte[] b, String shown) {
        int n = b.length;
        boolean png = dev.sitter.imaging.PngChunks.isPng(b);
        boolean jpeg = n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
        boolean webp = n >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
        if (!(png || jpeg || webp)) {
            throw new DslException("'" + shown + "' is not a PNG, JPEG or WebP image (Leonardo accepts only those); "
                    + "point to an image file or convert it").token(shown);
        }
        String damage = null;
        try {
            if (png) dev.sitter.imaging.PngChunks.read(b);
            if (jpeg) {
                dev.sitter.imaging.JpegXmp.read(b);
                if (n < 4 || (b[n - 2] & 0xff) != 0xFF || (b[n - 1] & 0xff) != 0xD9) damage = "the JPEG is truncated: it does not end with the EOI marker";
            }
            if (webp) {
                long riff = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
                if (riff + 8 != n) damage = "the WebP is truncated: its header says " + (riff + 8) + " bytes, the file has " + n;
            }
        } catch (dev.sitter.imaging.ImageFormatException e) {
            damage = e.getMessage();
        }
        if (damage != null) {
            throw new DslException("image '" + shown + "' is damaged (" + damage + "); export or download it again").token(shown);
        }
    }

    /** Where the script is now: the innermost frame of a script this shell compiled. */
    CallSite callSite() {
        if (interpretedFile != null) return new CallSite(display(interpretedFile), interpretedLine);
        // Check each frame's class loader first: asking a frame for its file and line is the expensive part.
        return CALLERS.walk(frames -> frames
                .filter(f -> compiledHere(f.getDeclaringClass()))
                .filter(f -> f.getFileName() != null && byInternalName.containsKey(f.getFileName()) && f.getLineNumber() > 0)
                .findFirst()
                .map(f -> new CallSite(byInternalName.get(f.getFileName()).displayName(), f.getLineNumber()))
                .orElse(CallSite.NONE));
    }

    private static final StackWalker CALLERS = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private boolean compiledHere(Class<?> c) {
        ClassLoader cl = c.getClassLoader();
        return cl == loader || (cl instanceof GroovyClassLoader.InnerLoader && cl.getParent() == loader);
    }

    /** Reports a warning once per distinct text and location. */
    void warn(String message) {
        warn(message, callSite());
    }

    void warn(String message, CallSite at) {
        DslWarning w = new DslWarning(at.file(), at.line(), message);
        if (warned.add(w.toString())) {
            warnings.add(w);
            warningSink.accept(w);
        }
    }

    Compiled compile(PromptRequest request) {
        return compiler.compile(request);
    }

    void define(CharacterDef d) { definitions.put(d); bind(d.id(), d, "character"); }
    void define(StyleDef d) { definitions.put(d); bind(d.id(), d, "style"); }
    void define(CameraDef d) { definitions.put(d); bind(d.id(), d, "camera"); }
    void define(NegativesDef d) { definitions.put(d); bind(d.id(), d, "negatives"); }
    void define(TemplateDef d, CallSite sizeSite) {
        definitions.put(d);
        bind(d.id(), d, "template");
        if (sizeSite.file() != null) sizeSites.put(d, sizeSite);
    }

    /** Where a template's size was written, or {@link CallSite#NONE}. */
    CallSite sizeSite(TemplateDef d) { return sizeSites.getOrDefault(d, CallSite.NONE); }
    void define(PipelineDef d) { definitions.put(d); bind(d.id(), d, "pipeline"); }

    private void bind(String id, Object def, String kind) {
        if (!IDENTIFIER.matcher(id).matches()) return;
        if (RESERVED.contains(id)) {
            warn("the id '" + id + "' is a reserved name, so it is not a variable; reach the " + kind + " by string: "
                    + kind + "('" + id + "')");
            return;
        }
        if (binding.hasVariable(id)) {
            Object old = binding.getVariable(id);
            if (old != null && old.getClass() != def.getClass() && isDefinition(old)) {
                warn("the name `" + id + "` now stands for the " + kind + "; the earlier " + kindOf(old)
                        + " '" + id + "' is still reachable by its string id");
            }
        }
        binding.setVariable(id, def);
    }

    private static boolean isDefinition(Object o) {
        return o instanceof CharacterDef || o instanceof StyleDef || o instanceof CameraDef || o instanceof NegativesDef
                || o instanceof TemplateDef || o instanceof PipelineDef;
    }

    private static String kindOf(Object o) {
        return o instanceof CharacterDef ? "character" : o instanceof StyleDef ? "style" : o instanceof CameraDef ? "camera"
                : o instanceof NegativesDef ? "negatives" : o instanceof TemplateDef ? "template" : "pipeline";
    }

    // ---------------------------------------------------------------- errors

    private DslException locate(Throwable t) {
        return ErrorLocator.locate(t, byInternalName, this);
    }

    /** Names the shell offers at top level, for "did you mean". */
    List<String> knownNames() {
        List<String> names = new ArrayList<>(binding.getVariables().keySet().stream().map(String::valueOf).toList());
        for (Definitions.Kind k : Definitions.Kind.values()) names.addAll(definitions.ids(k));
        return names;
    }

    static String reason(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.io.UncheckedIOException u) return reason(u.getCause());
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Turns a compiler failure into a DSL message; used by SitterScript to add "in template 'x'" context. */
    static DslException fromPrompt(PromptException e, String context) {
        return new DslException(e.getMessage() + context, e);
    }
}
