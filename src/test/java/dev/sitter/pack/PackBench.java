package dev.sitter.pack;

import dev.sitter.util.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark: export, import and replay-verify a pack of N assets, next to zip/unzip on the same
 * files. Run with bench/packs.sh (which prints the exact command). Not a unit test: it reports
 * numbers and asserts nothing about speed.
 *
 * <p>Replay here is the pack side only (plan from records + hashing every regenerated image);
 * the generator echoes the original bytes, so image generation itself is not measured.
 */
public final class PackBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int imageBytes = args.length > 1 ? Integer.parseInt(args[1]) : 256 * 1024;
        Path root = Files.createTempDirectory("sitter-pack-bench");
        try {
            run(root, n, imageBytes);
        } finally {
            PackImporter.deleteTree(root);
        }
    }

    private static void run(Path root, int n, int imageBytes) throws Exception {
        Path lib = Files.createDirectories(root.resolve("library"));
        Random rnd = new Random(42);
        Map<String, byte[]> originals = new HashMap<>();
        List<ExportAsset> assets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] img = new byte[imageBytes];
            rnd.nextBytes(img); // image data is incompressible, like real PNG pixels
            byte[] label = ("PNG-iTXt XMP " + ReleaseChecklist.IPTC_AI).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(label, 0, img, 0, label.length);
            String id = Sha256.hex(img);
            originals.put(id, img);
            Path p = Files.write(Files.createDirectories(lib.resolve("assets/mara")).resolve(id + ".png"), img);
            Path r = Files.writeString(lib.resolve(id + ".json"), ExportFixture.record(id, i));
            assets.add(new ExportAsset(id, "mara", p, r));
        }
        Path script = Files.writeString(root.resolve("mara.groovy"), "character('mara') { name 'Mara Voss' }\n");
        ExportRequest req = new ExportRequest("bench", "1.0.0", "Bench", "CC0", "2026-01-01", "2026-03-02T00:00:00Z",
                List.of(script), Set.of(), List.of(), assets, Map.of("Leonardo Kino XL", "bench"), Set.of(), Map.of(), false, null);
        long total = (long) n * imageBytes;
        System.out.printf("pack bench: %d assets x %d KiB = %.1f MiB of images%n", n, imageBytes / 1024, total / 1048576.0);

        Path zip = root.resolve("bench-1.0.0.zip");
        new PackExporter().export(req, root.resolve("warmup.zip")); // JIT warm-up, same work
        long t0 = System.nanoTime();
        PackExporter.Result ex = new PackExporter().export(req, zip);
        double export = secs(t0);

        Path lib2 = root.resolve("library2");
        new PackImporter(root.resolve("warmup-lib"), ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false);
        t0 = System.nanoTime();
        PackImporter.Result im = new PackImporter(lib2, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false);
        double imp = secs(t0);

        t0 = System.nanoTime();
        ReplayPlan plan = ReplayPlanner.plan(im.dir(), null);
        PackReplayer.Report rep = PackReplayer.replay(plan, (step, dir, parent) -> java.util.List.of(originals.get(step.assetId())));
        double replay = secs(t0);
        if (!rep.allIdentical() || plan.steps().size() != n) throw new IllegalStateException("replay verification failed");

        // the same files with the system tools: store images like the pack does (-n .png)
        Path tree = im.dir();
        double zipSecs = time(tree, "zip", "-q", "-r", "-n", ".png", root.resolve("tools.zip").toString(), ".");
        double zipDeflateAll = time(tree, "zip", "-q", "-r", root.resolve("tools-deflate.zip").toString(), ".");
        Path unz = Files.createDirectories(root.resolve("unzipped"));
        double unzipSecs = time(unz, "unzip", "-q", zip.toString());

        System.out.printf("  sitter pack export : %6.2f s  %7.1f MiB/s  (%d files, %.1f MiB zip, checklist + hashing included)%n",
                export, mib(total) / export, ex.manifest().files().size() + 1, Files.size(zip) / 1048576.0);
        System.out.printf("  zip -r -n .png     : %6.2f s  %7.1f MiB/s  (same files, images stored)%n", zipSecs, mib(total) / zipSecs);
        System.out.printf("  zip -r             : %6.2f s  %7.1f MiB/s  (same files, deflate everything)%n", zipDeflateAll, mib(total) / zipDeflateAll);
        System.out.printf("  sitter pack import : %6.2f s  %7.1f MiB/s  (validate + SHA-256 + fsync every file + atomic move)%n",
                imp, mib(total) / imp);
        System.out.printf("  unzip              : %6.2f s  %7.1f MiB/s  (same zip, no verification beyond CRC)%n", unzipSecs, mib(total) / unzipSecs);
        System.out.printf("  pack replay verify : %6.2f s  %7.1f MiB/s  (plan from %d records + SHA-256 of each image; generation not included)%n",
                replay, mib(total) / replay, plan.steps().size());
    }

    private static double time(Path dir, String... cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed");
        return secs(t0);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double mib(long b) {
        return b / 1048576.0;
    }
}
