package dev.sitter.bench;

import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.pipeline.PipelineEstimate;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import dev.sitter.studio.Backend;
import dev.sitter.studio.LeonardoStudio;
import dev.sitter.studio.PipelineOutcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline benchmark of issue 7 (run by bench/pipeline.sh): the same pipeline for N characters
 * against the sandbox with 1 s job latency and 10 job slots, P characters at a time, through the
 * real Studio and library. Reports wall time against the floor the sandbox's limits impose, and the
 * credits charged against a naive run of the same characters (everything at full size, all upscaled).
 *
 * <p>Args: characters (50), parallel runs (10), phases ("both", "pack" or "naive").
 */
public final class PipelineBench {
    static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    static final int LATENCY_MS = 1000, SLOTS = 10;
    static final String DEFS = """
            include 'blocks/styles/photoreal.groovy'
            include 'blocks/cameras/portrait85.groovy'
            include 'blocks/negatives/hard.groovy'
            template('full') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
            pipeline('pack') {
                explore count: 8, size: '256x384', steps: 15
                select top: 2
                refine strength: 0.35
                qa 'eyes match the anchors', pass: true
                upscale mode: 'standard'
                grade lut: 'luts/teal-orange.cube'
                export 'png'
            }
            pipeline('naive') {
                explore count: 8, size: '512x768'
                select top: 8, by: 'order'
                upscale mode: 'standard'
            }
            """;
    static final String[] HAIR = {"short black bob", "long red hair", "close-cropped grey hair", "blonde braids", "curly brown hair"};
    static final String[] SKIN = {"olive skin", "pale skin", "deep brown skin", "tan skin", "freckled fair skin"};
    static final String[] EYES = {"green eyes", "blue eyes", "dark brown eyes", "grey eyes", "hazel eyes"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String phases = args.length > 2 ? args[2] : "both";
        Path work = Files.createTempDirectory("sitter-pipeline-bench");
        SandboxConfig config = SandboxConfig.builder().latency(Duration.ofMillis(LATENCY_MS)).concurrency(SLOTS)
                .startingCredits(100_000_000L).build();
        System.out.printf(Locale.ROOT, "== %d characters, %d at a time; sandbox: %d ms latency, %d slots, %d creates/min per endpoint; %d cores%n",
                n, parallel, LATENCY_MS, SLOTS, config.createsPerMinute(), Runtime.getRuntime().availableProcessors());
        try (Sandbox sandbox = Sandbox.start(config); Backend backend = Backend.over(sandbox)) {
            Library library = Library.open(work.resolve("lib"));
            LeonardoStudio studio = new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { });
            SitterShell shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES).libraryDir(work.resolve("lib"))
                    .shippedLibrary(Path.of("prompt-library").toAbsolutePath()).warnings(w -> { }).out(System.out).studio(studio).build();
            shell.eval(DEFS + characters(n), "bench-defs");
            List<PromptSpec> specs = new ArrayList<>();
            for (int i = 0; i < n; i++) specs.add((PromptSpec) shell.eval("prompt c" + i + ", template: 'full', seed: 4242", "spec"));
            for (String name : phases.equals("both") ? List.of("pack", "naive") : List.of(phases)) {
                PipelineDef pipeline = (PipelineDef) shell.eval("pipeline('" + name + "')", "def");
                long estimate = 0;
                for (PromptSpec s : specs) estimate += studio.estimateRun(pipeline, s, Map.of()).total();
                PipelineEstimate one = studio.estimateRun(pipeline, specs.get(0), Map.of());
                System.out.println(one);
                phase(name, pipeline, specs, parallel, sandbox, studio, estimate);
                System.out.println("   digest of every exported file (same seeds, same bytes: compare across versions): " + exportDigest(work.resolve("lib/runs"), name));
            }
        }
    }

    static void phase(String name, PipelineDef pipeline, List<PromptSpec> specs, int parallel, Sandbox sandbox,
                      LeonardoStudio studio, long estimate) throws Exception {
        long credits = sandbox.credits();
        long gens0 = posts(sandbox, "/generations"), vars0 = posts(sandbox, "/variations/"), limited0 = rateLimited(sandbox);
        WallMeter meter = new WallMeter(List.of("bench-run", "pipeline-"), sandbox::unfinishedJobs, SLOTS);
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> new Thread(r, "bench-run-" + threads.incrementAndGet()));
        List<Future<Object>> runs = new ArrayList<>();
        for (PromptSpec s : specs) runs.add(pool.submit(() -> studio.runPipeline(pipeline, s, Map.of())));
        int images = 0;
        for (Future<Object> f : runs) images += ((PipelineOutcome) f.get()).items().size();
        pool.shutdown();
        double wall = (System.nanoTime() - start) / 1e9;
        meter.close();
        long gens = posts(sandbox, "/generations") - gens0, vars = posts(sandbox, "/variations/") - vars0;
        long spent = credits - sandbox.credits();
        boolean refine = pipeline.steps().stream().anyMatch(st -> st.name().equals("refine"));
        boolean upscale = pipeline.steps().stream().anyMatch(st -> st.name().equals("upscale"));
        int cores = Runtime.getRuntime().availableProcessors();
        double renderCpu = meter.cpuSeconds().getOrDefault("sandbox rendering", 0.0);
        Floor floor = Floor.of(gens, vars, (refine ? 2 : 1) + (upscale ? 1 : 0), upscale ? 1 : 0,
                sandbox.config().createsPerMinute(), renderCpu, cores);
        System.out.printf(Locale.ROOT, "%-6s %d final images; %d generation + %d variation jobs, %d answered 429; wall %.1f s, floor %.1f s (%.2fx); "
                        + "credits %d (estimate %d)%n", name, images, gens, vars, rateLimited(sandbox) - limited0, wall, floor.max(), wall / floor.max(), spent, estimate);
        System.out.print(floor);
        double cpu = meter.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "   this process used %.1f CPU s (%.1f s on %d cores if it had them to itself); it got %.2f cores on average "
                + "at load %s%n", cpu, cpu / cores, cores, cpu / wall, loadAverage());
        System.out.print(meter.report());
        String log = System.getProperty("bench.log");
        if (log != null) {
            // -Dbench.log=FILE: every request the sandbox saw (time, method, path, status, ms), to study the timeline
            List<String> lines = new ArrayList<>();
            for (var e : sandbox.requests()) lines.add(e.time() + " " + e.method() + " " + e.path() + " " + e.status() + " " + e.millis());
            Files.write(Path.of(log), lines);
        }
    }

    /**
     * The least wall time the limits allow, each on its own; the run can be no faster than the largest.
     *
     * @param slotsFloor  all jobs through 10 slots of 1 s each
     * @param chain       the dependent jobs of one character (explore, refine, upscale) back to back
     * @param createFloor the creates per minute per endpoint: create k of an endpoint cannot be sent before
     *                    create k-100 plus a minute, nor (slots being busy 1 s per job) before (k mod 100)/10
     *                    seconds into its window; after the last generation create, that job and the
     *                    upscale made from it still take their latency
     * @param renderFloor the sandbox's rendering CPU on this machine's cores (measured in this run)
     */
    record Floor(double slotsFloor, double chain, double createFloor, double renderFloor) {
        static Floor of(long gens, long vars, int chainJobs, int jobsAfterLastGeneration, int perMinute, double renderCpu, int cores) {
            double latency = LATENCY_MS / 1000.0;
            double gen = window(gens, perMinute) + (gens > 0 ? (1 + jobsAfterLastGeneration) * latency : 0);
            double var = window(vars, perMinute) + (vars > 0 ? latency : 0);
            return new Floor((gens + vars) * latency / SLOTS, chainJobs * latency, Math.max(gen, var), renderCpu / cores);
        }

        /** When the last of n creates on one endpoint can be sent at the earliest. */
        private static double window(long n, int perMinute) {
            if (n == 0) return 0;
            long windows = (n + perMinute - 1) / perMinute;
            long inLast = (n - 1) % perMinute;
            return (windows - 1) * 60.0 + (inLast / SLOTS) * (LATENCY_MS / 1000.0);
        }

        double max() {
            return Math.max(Math.max(slotsFloor, chain), Math.max(createFloor, renderFloor));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "   floor = max(creates/min %.1f s, slots x latency %.1f s, one character's chain %.1f s, "
                    + "sandbox render CPU on these cores %.1f s) = %.1f s%n", createFloor, slotsFloor, chain, renderFloor, max());
        }
    }

    /** SHA-256 over the names and bytes of every image the phase's runs exported, in name order (the gallery names library ids, which differ per run). */
    static String exportDigest(Path runs, String pipeline) throws java.io.IOException {
        java.security.MessageDigest sha = dev.sitter.util.Sha256.digest();
        try (var files = Files.walk(runs)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> runs.relativize(f).toString().startsWith(pipeline + "-"))
                    .filter(f -> runs.relativize(f).toString().contains("/export/"))
                    .filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".jpg")).sorted().toList()) {
                sha.update(runs.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static long rateLimited(Sandbox sandbox) {
        return sandbox.requests().stream().filter(e -> e.status() == 429).count();
    }

    static long posts(Sandbox sandbox, String path) {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST") && e.status() < 300
                && (path.equals("/generations") ? e.path().endsWith("/generations") : e.path().contains(path))).count();
    }

    /** n characters varying hair, skin and eyes; anchors alternate between the shipped mara and theo sets. */
    static String characters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String a = i % 2 == 0 ? "mara" : "theo";
            sb.append("character('c").append(i).append("') {\n")
                    .append("    name 'Sitter ").append(i).append("'\n    age ").append(20 + i % 50).append('\n')
                    .append("    skin '").append(SKIN[i % 5]).append("'\n    hair '").append(HAIR[(i / 5) % 5]).append("'\n")
                    .append("    eyes '").append(EYES[(i / 25 + i) % 5]).append("'\n")
                    .append("    anchors {\n        image 'anchors/").append(a).append("/front.png', pose: 'frontal'\n")
                    .append("        image 'anchors/").append(a).append("/three-quarter.png', pose: 'three-quarter'\n")
                    .append("        image 'anchors/").append(a).append("/profile.png', pose: 'profile'\n    }\n}\n");
        }
        return sb.toString();
    }
}
