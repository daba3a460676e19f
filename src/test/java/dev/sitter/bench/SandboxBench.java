package dev.sitter.bench;

import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import dev.sitter.sandbox.render.PngEncoder;
import dev.sitter.sandbox.render.PortraitRenderer;
import dev.sitter.sandbox.render.PromptReader;
import dev.sitter.sandbox.render.Raster;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Sandbox benchmarks (run by bench/sandbox.sh):
 * <ol>
 *   <li>portraits rendered per second on one thread (render, and render + PNG encode), per style, at 512x768 and 1024x1536;</li>
 *   <li>the server's own overhead per request over loopback with keep-alive (GET /me, GET /generations/{id},
 *       POST /generations with zero latency), i.e. everything but the rendering.</li>
 * </ol>
 */
public final class SandboxBench {
    private static final String[][] STYLES = {
            {"photoreal", "Mara Voss, olive skin, short black bob with a silver streak, green eyes, scar on left cheek, light freckles, confident, photoreal, 85mm, bokeh", "PHOTOGRAPHY"},
            {"anime", "young man, pale skin, long red hair, blue eyes, glasses, smiling, anime, cel shading", "ANIME"},
            {"painterly", "woman, dark skin, shoulder-length curly black hair, brown eyes, calm, oil painting", "ILLUSTRATION"},
            {"noir", "detective, tan skin, short grey hair, grey eyes, stubble, serious, film noir, low-key lighting", "CINEMATIC"},
    };

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        System.out.println("== rendering on one thread (" + seconds + " s per row; images/s)");
        System.out.printf("%-10s %-10s %12s %16s %10s%n", "style", "size", "render/s", "render+png/s", "png KB");
        for (int[] size : new int[][] {{512, 768}, {1024, 1536}}) {
            for (String[] st : STYLES) {
                PortraitRenderer.Request base = new PortraitRenderer.Request(PromptReader.identity(st[1], null),
                        PromptReader.look(st[1], st[2], null), 1, size[0], size[1]);
                rate(base, 1.0, false); // warm-up
                double r = rate(base, seconds, false);
                double[] kb = new double[1];
                double rp = rateWithPng(base, seconds, kb);
                System.out.printf("%-10s %-10s %12.2f %16.2f %10.0f%n", st[0], size[0] + "x" + size[1], r, rp, kb[0]);
            }
        }
        serverOverhead();
    }

    private static double rate(PortraitRenderer.Request base, double seconds, boolean png) {
        long end = System.nanoTime() + (long) (seconds * 1e9), start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end || n == 0) {
            Raster r = PortraitRenderer.render(new PortraitRenderer.Request(base.identity(), base.look(), n + 1, base.width(), base.height()));
            if (png) PngEncoder.encode(r, Map.of());
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double rateWithPng(PortraitRenderer.Request base, double seconds, double[] kb) {
        long end = System.nanoTime() + (long) (seconds * 1e9), start = System.nanoTime();
        int n = 0;
        long bytes = 0;
        while (System.nanoTime() < end || n == 0) {
            Raster r = PortraitRenderer.render(new PortraitRenderer.Request(base.identity(), base.look(), n + 1, base.width(), base.height()));
            bytes += PngEncoder.encode(r, Map.of()).length;
            n++;
        }
        kb[0] = bytes / 1024.0 / n;
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void serverOverhead() throws Exception {
        System.out.println("== server overhead per request (loopback, keep-alive, one client thread; microseconds)");
        try (Sandbox s = Sandbox.start(SandboxConfig.builder().latency(Duration.ZERO).requestsPerMinute(Integer.MAX_VALUE)
                .createsPerMinute(Integer.MAX_VALUE).queueLimit(Integer.MAX_VALUE).startingCredits(Long.MAX_VALUE / 2).build())) {
            OkHttpClient http = new OkHttpClient();
            MediaType json = MediaType.get("application/json");
            String gen;
            try (Response r = http.newCall(post(s.baseUrl() + "/generations",
                    "{\"prompt\":\"green eyes\",\"width\":64,\"height\":64,\"num_images\":1}", json)).execute()) {
                String body = r.body().string();
                gen = body.replaceAll(".*\"generationId\":\"([^\"]+)\".*", "$1");
            }
            measure("GET /me", 3000, () -> get(http, s.baseUrl() + "/me"));
            measure("GET /generations/{id}", 3000, () -> get(http, s.baseUrl() + "/generations/" + gen));
            measure("GET /platformModels", 3000, () -> get(http, s.baseUrl() + "/platformModels"));
            // a create without rendering cost: a tiny image, render happens on the job threads afterwards
            measure("POST /generations (64x64)", 1000, () -> {
                try (Response r = http.newCall(post(s.baseUrl() + "/generations",
                        "{\"prompt\":\"green eyes\",\"width\":64,\"height\":64,\"num_images\":1}", json)).execute()) {
                    r.body().bytes();
                }
            });
        }
    }

    private static Request post(String url, String body, MediaType json) {
        return new Request.Builder().url(url).header("Authorization", "Bearer bench").post(RequestBody.create(body, json)).build();
    }

    private static void get(OkHttpClient http, String url) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer bench").build()).execute()) {
            r.body().bytes();
        }
    }

    interface Op { void run() throws Exception; }

    private static void measure(String name, int n, Op op) throws Exception {
        for (int i = 0; i < n / 3; i++) op.run(); // warm-up
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            op.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1000;
        System.out.printf("  %-28s mean %7.0f   p50 %7.0f   p99 %7.0f%n", name, mean, t[n / 2] / 1000.0, t[(int) (n * 0.99)] / 1000.0);
    }
}
