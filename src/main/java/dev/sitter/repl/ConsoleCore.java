package dev.sitter.repl;

import dev.sitter.model.Json;
import dev.sitter.model.PromptSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The console's work, independent of how lines are read: evaluates complete inputs through the
 * engine, runs the slash commands, prints results and errors, and keeps the session (inputs, seeds,
 * assets). The interactive {@link Console} and the piped {@link PipedConsole} both drive one of these.
 */
final class ConsoleCore implements ReplCompleter.Sources {
    /** Waits for a running input; the interactive console shows progress and lets Ctrl-C stop the wait. */
    interface Waiter {
        Object await(Future<Object> work) throws Exception;
    }

    /** Thrown by a {@link Waiter} when the user stopped waiting; the work goes on in the background. */
    static final class Detached extends RuntimeException {
        Detached() { super("detached", null, false, false); }
    }

    private final ReplOptions options;
    private final Supplier<ReplEngine> engineFactory;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Paint paint;
    private final InlineImages images;
    private final SessionLog session = new SessionLog();
    private final SeedState seeds;
    private final ProgressBoard progress;
    private final Map<String, String> sources = new LinkedHashMap<>();
    // Written by background inputs (Ctrl-C'd ones finish later), read by slash commands and completion.
    private final List<AssetView> assets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sitter-eval");
        t.setDaemon(true);
        return t;
    });
    private volatile List<AssetView> lastBatch = List.of();
    private CompletableFuture<ReplEngine> engine;
    private volatile boolean stacktrace;
    private volatile boolean anyFailed;
    private Waiter waiter = Future::get;
    private Consumer<String> notifier;
    private Supplier<List<String>> history = List::of;
    private final ResultPrinter printer;
    private final ErrorRenderer errors;
    private final ModelCatalog models;

    ConsoleCore(ReplOptions options, Supplier<ReplEngine> engineFactory, ProgressBoard progress, PrintWriter out, PrintWriter err,
                Paint paint, InlineImages images, Random random) {
        this.options = options;
        this.engineFactory = engineFactory;
        this.progress = progress;
        this.out = out;
        this.err = err;
        this.paint = paint;
        this.images = images;
        this.seeds = new SeedState(random);
        this.models = new ModelCatalog(options.home());
        this.stacktrace = options.stacktrace();
        this.notifier = s -> {
            out.println(s);
            out.flush();
        };
        // Both delegate to the engine once it is ready; created now, they load nothing.
        this.printer = new ResultPrinter(new LazyEngine());
        this.errors = new ErrorRenderer(new LazyEngine(), this::sourceOf, this::knownNames);
    }

    void setWaiter(Waiter w) { waiter = w; }

    /** Where output that arrives while the user is typing goes (e.g. a background job finished). */
    void setNotifier(Consumer<String> n) { notifier = n; }

    void setHistory(Supplier<List<String>> h) { history = h; }

    /**
     * Starts the engine on a background thread: builds it, loads the startup scripts, and (when
     * {@code warmUp}) compiles a throwaway input so the first real one is quick. The prompt does not wait.
     */
    void start(boolean warmUp) {
        engine = CompletableFuture.supplyAsync(() -> {
            ReplEngine e = engineFactory.get();
            loadStartup(e);
            // Loading the blocks already compiles scripts; a throwaway one only helps when there were none.
            if (warmUp && options.startupFiles().isEmpty()) {
                try {
                    e.eval("null", "warm-up");
                } catch (Exception ignored) {
                    // A failed warm-up only means the first input compiles cold.
                }
            }
            return e;
        }, workers);
    }

    /** The engine once ready, or null while it is starting (completion and highlighting must not wait). */
    ReplEngine engineIfReady() {
        return engine != null && engine.isDone() && !engine.isCompletedExceptionally() ? engine.join() : null;
    }

    private ReplEngine engine() {
        try {
            return engine.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    boolean anyFailed() { return anyFailed; }

    boolean stacktrace() { return stacktrace; }

    SessionLog session() { return session; }

    ProgressBoard progress() { return progress; }

    /**
     * Handles one complete input: a slash command or code for the engine.
     *
     * @return false when the console should exit
     */
    boolean handle(String input) {
        String trimmed = input.strip();
        if (trimmed.isEmpty()) return true;
        if (ReplParser.isSlashCommand(trimmed)) {
            try {
                return slash(trimmed);
            } catch (IllegalStateException | IllegalArgumentException e) {
                anyFailed = true;
                err.println(paint.red(e.getMessage()));
                err.flush();
                return true;
            }
        }
        String source = seeds.applyLock(input);
        if (!source.equals(input)) info("seed locked: running with seed " + seeds.locked().getAsLong());
        evaluate(source, SessionLog.Origin.TYPED, null, true);
        return true;
    }

    /** Evaluates one source; returns true when it succeeded (also when it was detached and may still succeed). */
    /** How an input ended at the prompt: finished, failed, or left running in the background by Ctrl-C. */
    private enum Ended { DONE, FAILED, DETACHED }

    /** Evaluates an input; true unless it failed (an input Ctrl-C left running counts as started fine). */
    private boolean evaluate(String source, SessionLog.Origin origin, Path file, boolean newBatch) {
        return run(source, origin, file, newBatch) != Ended.FAILED;
    }

    private Ended run(String source, SessionLog.Origin origin, Path file, boolean newBatch) {
        String name = file == null ? session.nextName() : file.getFileName().toString();
        synchronized (sources) { sources.put(name, source); }
        progress.beginRun();
        Future<Object> work = workers.submit(() -> file == null ? engine().eval(source, name) : engine().load(file));
        try {
            Object value = waiter.await(work);
            finish(name, source, origin, file, value, null, newBatch, false);
            return Ended.DONE;
        } catch (Detached d) {
            info("still running in the background as " + name + "; its images will be collected and recorded. Back at the prompt.");
            CompletableFuture.runAsync(() -> {
                Object value = null;
                Throwable error = null;
                try {
                    value = work.get();
                } catch (Exception e) {
                    error = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                }
                finish(name, source, origin, file, value, error, newBatch, true);
            }, workers);
            return Ended.DETACHED;
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            finish(name, source, origin, file, null, cause, newBatch, false);
            return Ended.FAILED;
        }
    }

    private synchronized void finish(String name, String source, SessionLog.Origin origin, Path file, Object value, Throwable error,
                                     boolean newBatch, boolean background) {
        if (error != null) {
            session.add(new SessionLog.Entry(name, source, origin, file == null ? null : file.toString(), false));
            anyFailed = true;
            String text = errors.render(error, name, stacktrace);
            if (background) notifier.accept(paint.red(name + " failed in the background:\n" + text));
            else {
                err.println(paint.red(text));
                if (!stacktrace && !looksLikeUserError(text)) err.println(paint.dim("(/stacktrace shows the Java stack trace)"));
                err.flush();
            }
            return;
        }
        session.add(new SessionLog.Entry(name, source, origin, file == null ? null : file.toString(), true));
        seeds.remember(source, seedOf(value));
        models.rememberFrom(value);
        List<AssetView> made = AssetView.in(value);
        if (!made.isEmpty()) {
            assets.addAll(made);
            lastBatch = newBatch ? List.copyOf(made) : concat(lastBatch, made);
        }
        String shown = file == null ? printer.render(value) : null;
        if (background) notifier.accept(name + " finished" + (shown == null ? "" : ":\n" + shown));
        else if (shown != null) {
            out.println(shown);
            out.flush();
        }
    }

    private static boolean looksLikeUserError(String text) { return text.matches("(?s)^[\\w./-]+:\\d+.*"); }

    private static List<AssetView> concat(List<AssetView> a, List<AssetView> b) {
        List<AssetView> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The seed a result ran with: a request's seed, or the first asset's. */
    private static Long seedOf(Object value) {
        if (value instanceof PromptSpec spec) return spec.seed();
        for (AssetView a : AssetView.in(value)) if (a.seed() != null) return a.seed();
        if (value instanceof Collection<?> c) for (Object o : c) if (o instanceof PromptSpec s && s.seed() != null) return s.seed();
        return null;
    }

    // ---- slash commands -------------------------------------------------------------------------

    private boolean slash(String line) {
        String[] parts = line.substring(1).strip().split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        SlashCommand cmd = SlashCommand.find(parts[0]);
        if (cmd == null) {
            throw new IllegalArgumentException("unknown command /" + parts[0] + suggestCommand(parts[0]) + "; /help lists them");
        }
        switch (cmd.name()) {
            case "exit" -> { return false; }
            case "help" -> help(arg);
            case "load" -> load(requireArg(cmd, arg));
            case "save" -> save(requireArg(cmd, arg));
            case "reset" -> reset();
            case "reload" -> reload();
            case "seed" -> seed(arg);
            case "next" -> rerun(seeds.shifted(1));
            case "prev" -> rerun(seeds.shifted(-1));
            case "random" -> rerun(seeds.randomized());
            case "sweep" -> sweep(arg);
            case "cost" -> cost();
            case "assets" -> println(assets.isEmpty() ? "no images yet in this session" : AssetTable.render(assets).stripTrailing());
            case "show" -> show(requireArg(cmd, arg));
            case "sheet" -> sheet();
            case "history" -> history(arg);
            case "stacktrace" -> {
                stacktrace = arg.isEmpty() ? !stacktrace : arg.equals("on");
                info("stack traces " + (stacktrace ? "on" : "off"));
            }
            default -> throw new IllegalStateException("/" + cmd.name() + " is listed but not handled");
        }
        return true;
    }

    private static String requireArg(SlashCommand cmd, String arg) {
        if (arg.isEmpty()) throw new IllegalArgumentException("usage: " + cmd.usage());
        return arg;
    }

    private String suggestCommand(String word) {
        String best = null;
        int bestD = 3;
        for (String name : SlashCommand.ALL.keySet()) {
            int d = dev.sitter.util.Levenshtein.distance(word, name);
            if (d < bestD) {
                bestD = d;
                best = name;
            }
        }
        return best == null ? "" : " (did you mean /" + best + "?)";
    }

    private void help(String word) {
        KeywordDocs docs = KeywordDocs.bundled();
        if (word.isEmpty()) {
            StringBuilder sb = new StringBuilder("Type DSL definitions, commands or Groovy; Enter runs them once brackets and quotes close.\n"
                    + "Tab completes, Ctrl-R searches history, Ctrl-C stops waiting, Ctrl-D exits.\n\ncommands:\n");
            for (SlashCommand c : SlashCommand.ALL.values()) sb.append(String.format(Locale.ROOT, "  %-36s %s%n", c.usage(), c.summary()));
            sb.append("\nDSL keywords (/help WORD for one):\n");
            sb.append(KeywordDocs.wrap(String.join(", ", docs.all().keySet()), 78, "  "));
            println(sb.toString());
            return;
        }
        String w = word.startsWith("/") ? word.substring(1) : word;
        KeywordDocs.Entry e = docs.get(w);
        if (e != null) {
            println(e.help().stripTrailing());
            return;
        }
        SlashCommand c = SlashCommand.find(w);
        if (c != null) {
            println(c.usage() + "\n  " + c.summary());
            return;
        }
        throw new IllegalArgumentException("no help for '" + word + "'; /help lists the commands and keywords");
    }

    private void load(String arg) {
        Path file = options.workDir().resolve(arg);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("/load: no such file " + file + "; check the path (relative to " + options.workDir() + ")");
        String text = readQuietly(file);
        synchronized (sources) { sources.put(file.getFileName().toString(), text); }
        if (evaluate(text, SessionLog.Origin.LOADED, file, true)) info("loaded " + arg);
    }

    private void save(String arg) {
        Path file = options.workDir().resolve(arg);
        String script = session.toScript(options.startupFiles().stream().map(StartupFile::include).toList());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, script);
        } catch (IOException e) {
            throw new IllegalArgumentException("/save: cannot write " + file + ": " + e.getMessage());
        }
        long n = session.entries().stream().filter(SessionLog.Entry::ok).count();
        info("saved the session to " + arg + " (" + n + " successful inputs); replay with: sitter run " + arg);
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder != null && !folder.equals(options.workDir().toAbsolutePath().normalize())) {
            // sitter run resolves anchor paths against the script's folder; the console used the working directory.
            info("note: relative paths in it (anchors) now resolve against " + folder + ", not " + options.workDir());
        }
    }

    private void reset() {
        engine().reset();
        session.clear();
        seeds.unlock();
        reloadStartup();
        info("session reset: definitions and variables forgotten, starter blocks reloaded");
    }

    /** Re-reads the startup files and replays the session's definitions; generations are not re-run (no credit spent). */
    private void reload() {
        List<SessionLog.Entry> replay = session.entries();
        engine().reset();
        session.clear();
        reloadStartup();
        int replayed = 0, skipped = 0;
        for (SessionLog.Entry e : replay) {
            if (!e.ok()) continue;
            if (e.origin() != SessionLog.Origin.LOADED && SeedTweaks.isGeneration(e.source())) {
                skipped++;
                session.add(e); // keep it in the log so /save still writes it
                continue;
            }
            if (e.origin() == SessionLog.Origin.LOADED) {
                Path f = Path.of(e.file());
                if (evaluate(readQuietly(f), SessionLog.Origin.LOADED, f, false)) replayed++;
            } else if (evaluate(e.source(), e.origin(), null, false)) replayed++;
        }
        info("reloaded: starter blocks and loaded files re-read, " + replayed + " inputs replayed"
                + (skipped > 0 ? ", " + skipped + " generations kept but not re-run" : ""));
    }

    private void reloadStartup() { loadStartup(engine()); }

    private void loadStartup(ReplEngine e) {
        for (StartupFile s : options.startupFiles()) {
            Path f = s.file();
            synchronized (sources) { sources.put(f.getFileName().toString(), readQuietly(f)); }
            try {
                e.load(f);
            } catch (Exception ex) {
                report(ex, f.getFileName().toString(), "while loading " + f);
            }
        }
    }

    private void seed(String arg) {
        String[] a = arg.split("\\s+");
        switch (a[0]) {
            case "next" -> rerun(seeds.shifted(1));
            case "prev" -> rerun(seeds.shifted(-1));
            case "random" -> rerun(seeds.randomized());
            case "lock" -> {
                if (a.length < 2) throw new IllegalArgumentException("usage: /seed lock N, e.g. /seed lock 4242");
                long s = parseSeed(a[1]);
                seeds.lock(s);
                info("seed locked to " + s + ": every generation in this session uses it until /seed unlock");
            }
            case "unlock" -> {
                seeds.unlock();
                info("seed unlocked");
            }
            case "" -> info(seeds.locked().isPresent() ? "seed locked to " + seeds.locked().getAsLong() : "seed not locked"
                    + (seeds.lastGeneration() == null ? "" : "; last generation: " + seeds.lastGeneration().strip()));
            default -> throw new IllegalArgumentException("usage: /seed next|prev|random|lock N|unlock");
        }
    }

    private static long parseSeed(String s) {
        try {
            long v = Long.parseLong(s);
            if (v < 0 || v > SeedState.MAX_SEED) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a seed is a whole number from 0 to " + SeedState.MAX_SEED + ", not '" + s + "'");
        }
    }

    private void rerun(String source) {
        info("> " + source.strip());
        evaluate(source, SessionLog.Origin.TWEAKED, null, true);
    }

    private void sweep(String arg) {
        int n;
        try {
            n = arg.isEmpty() ? 4 : Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usage: /sweep N, e.g. /sweep 5 (N from 1 to 100)");
        }
        if (n < 1 || n > 100) throw new IllegalArgumentException("usage: /sweep N, with N from 1 to 100");
        List<String> runs = new ArrayList<>();
        for (int i = 1; i <= n; i++) runs.add(seeds.shifted(i));
        boolean first = true;
        int started = 0;
        for (String src : runs) {
            info("> " + src.strip());
            Ended ended = run(src, SessionLog.Origin.TWEAKED, null, first);
            started++;
            first = false;
            if (ended == Ended.FAILED) break;
            if (ended == Ended.DETACHED) {
                // Ctrl-C means stop: no further seed is sent; the one running is paid for and finishes.
                if (started < n) info("sweep stopped after " + started + " of " + n + " seeds; nothing more is sent.");
                break;
            }
        }
    }

    private void cost() {
        double fromAssets = assets.stream().filter(a -> a.cost() != null).mapToDouble(AssetView::cost).sum();
        double spent = Math.max(fromAssets, progress.sessionCredits());
        ReplEngine e = engineIfReady();
        OptionalDouble left = e == null ? OptionalDouble.empty() : e.creditsLeft();
        println(String.format(Locale.ROOT, "this session: %.2f credits, %d images; credits left: %s", spent, assets.size(),
                left.isPresent() ? String.format(Locale.ROOT, "%.2f", left.getAsDouble()) : "unknown"));
    }

    private void show(String id) {
        List<AssetView> matches = assets.stream().filter(a -> a.id().equals(id)).toList();
        if (matches.isEmpty()) matches = assets.stream().filter(a -> a.id().startsWith(id)).toList();
        if (matches.isEmpty()) throw new IllegalArgumentException("no image '" + id + "' in this session; /assets lists them");
        if (matches.size() > 1) throw new IllegalArgumentException("'" + id + "' matches " + matches.size() + " images; type more of the id");
        AssetView a = matches.get(0);
        StringBuilder sb = new StringBuilder(AssetTable.render(List.of(a)));
        for (String p : List.of("recipe", "provenance", "record")) {
            Object rec = AssetView.property(a.source(), p);
            if (rec != null) {
                sb.append(p).append(":\n").append(safeJson(rec)).append('\n');
                break;
            }
        }
        println(sb.toString().stripTrailing());
        if (a.path() != null) preview(a.path());
    }

    private static String safeJson(Object o) {
        try {
            return Json.pretty(o);
        } catch (RuntimeException e) {
            return String.valueOf(o);
        }
    }

    private void sheet() {
        if (lastBatch.isEmpty()) throw new IllegalStateException("no batch yet: generate some images first");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = options.home().resolve("sheets").resolve("sheet-" + stamp + ".png");
        try {
            List<String> problems = ContactSheet.write(lastBatch, file);
            for (String p : problems) err.println(paint.yellow("note: " + p));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the contact sheet " + file + ": " + e.getMessage());
        }
        println("contact sheet of " + lastBatch.size() + " images: " + file);
        preview(file);
    }

    private void preview(Path png) {
        if (images == InlineImages.NONE || !png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) return;
        try {
            out.print(images.sequence(png));
            out.flush();
        } catch (IOException e) {
            // The path is already printed; a preview is a bonus.
        }
    }

    private void history(String arg) {
        List<String> all = history.get();
        int n = all.size();
        if (!arg.isEmpty()) {
            try {
                n = Math.min(n, Integer.parseInt(arg));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("usage: /history [N]");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = all.size() - n; i < all.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%5d  %s%n", i + 1, all.get(i).replace("\n", "\n       ")));
        }
        println(sb.toString().stripTrailing());
    }

    // ---- completion sources ------------------------------------------------------------------------

    @Override
    public Map<String, List<String>> definitions() {
        ReplEngine e = engineIfReady();
        return e == null ? Map.of() : e.definitions();
    }

    @Override
    public Set<String> variables() {
        ReplEngine e = engineIfReady();
        return e == null ? Set.of() : e.variables();
    }

    @Override
    public List<String> assetIds() { return assets.stream().map(AssetView::id).toList(); }

    @Override
    public List<String> modelNames() { return models.names(); }

    @Override
    public Path workDir() { return options.workDir(); }

    // ---- helpers ----------------------------------------------------------------------------------

    private String sourceOf(String name) {
        synchronized (sources) {
            String s = sources.get(name);
            if (s == null && name.endsWith(".groovy")) s = sources.get(name.substring(0, name.length() - 7));
            return s;
        }
    }

    private Collection<String> knownNames(String wrong) {
        Set<String> names = new HashSet<>(KeywordDocs.bundled().all().keySet());
        names.addAll(ReplHighlighter.flatten(definitions()));
        names.addAll(variables());
        return names;
    }

    private void report(Exception ex, String name, String when) {
        String text = errors.render(ex, name, stacktrace);
        err.println(paint.red(text) + paint.dim("  (" + when + ")"));
        err.flush();
        anyFailed = true;
    }

    private void info(String s) {
        out.println(paint.dim(s));
        out.flush();
    }

    private void println(String s) {
        out.println(s);
        out.flush();
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return null;
        }
    }

    void close() {
        ReplEngine e = engineIfReady();
        if (e != null) e.close();
        workers.shutdownNow();
    }

    /** The engine as the printer and renderer see it: the real one once started. */
    private final class LazyEngine implements ReplEngine {
        @Override public Object eval(String source, String name) throws Exception { return engine().eval(source, name); }

        @Override public Map<String, List<String>> definitions() { return ConsoleCore.this.definitions(); }

        @Override public Set<String> variables() { return ConsoleCore.this.variables(); }

        @Override public void reset() { engine().reset(); }

        @Override public Optional<String> describeError(Throwable error) {
            ReplEngine e = engineIfReady();
            return e == null ? Optional.empty() : e.describeError(error);
        }

        @Override public Optional<String> dslOf(Object value) {
            ReplEngine e = engineIfReady();
            return e == null ? Optional.empty() : e.dslOf(value);
        }
    }
}
