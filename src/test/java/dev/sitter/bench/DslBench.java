package dev.sitter.bench;

import dev.sitter.dsl.SitterShell;
import dev.sitter.model.PromptSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * DSL benchmark: evaluate a generated script that defines 1,000 characters (3 anchor images each)
 * and 100 templates, then compile 10,000 prompts from it. Prints wall times per phase and the peak
 * heap (sum of the heap pools' peak usage). Run with {@code bench/dsl.sh}.
 */
public final class DslBench {
    public static void main(String[] args) throws Exception {
        int characters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int templates = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int prompts = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path examples = Path.of("dsl-examples").toAbsolutePath();
        if (!Files.isDirectory(examples.resolve("anchors"))) throw new IllegalStateException("run from the project root");

        String definitions = definitions(characters, templates);
        String compileLoop = """
                def specs = []
                for (int i = 0; i < %d; i++) {
                    specs << prompt(character("c${i %% %d}"), template: "t${i %% %d}", seed: i, count: 1)
                }
                specs
                """.formatted(prompts, characters, templates);

        // Wall time depends on how busy the machine is; the main thread's CPU time does not, so both are shown.
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        SitterShell shell = SitterShell.builder().baseDir(examples).workDir(examples).build();
        shell.eval("1", "warm-up");
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        shell.eval(definitions, "bench-definitions.groovy");
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        @SuppressWarnings("unchecked")
        List<PromptSpec> specs = (List<PromptSpec>) shell.eval(compileLoop, "bench-prompts.groovy");
        long t3 = System.nanoTime();
        long c3 = cpu.getCurrentThreadCpuTime();
        if (specs.size() != prompts) throw new IllegalStateException("compiled " + specs.size());
        // The same 1,000 characters defined by a 12-line loop: the DSL's own cost without compiling 12,000 lines.
        SitterShell loopShell = SitterShell.builder().baseDir(examples).workDir(examples).build();
        loopShell.eval(definitions(0, templates), "bench-templates.groovy");
        long t4 = System.nanoTime();
        long c4 = cpu.getCurrentThreadCpuTime();
        loopShell.eval(loopDefinitions(characters), "bench-loop.groovy");
        long t5 = System.nanoTime();
        long c5 = cpu.getCurrentThreadCpuTime();
        // The same literal script with image(...) in parentheses: Groovy's parser is far slower on command
        // calls that carry named arguments (image 'a.png', pose: 'frontal') than on parenthesised calls.
        String parenthesised = definitions.replaceAll("(?m)^(\\s+)image (.*)$", "$1image($2)");
        SitterShell parenShell = SitterShell.builder().baseDir(examples).workDir(examples).build();
        long t6 = System.nanoTime();
        long c6 = cpu.getCurrentThreadCpuTime();
        parenShell.eval(parenthesised, "bench-parenthesised.groovy");
        long t7 = System.nanoTime();
        long c7 = cpu.getCurrentThreadCpuTime();
        if (parenShell.definitions().ids(dev.sitter.prompt.Definitions.Kind.CHARACTER).size() != characters) {
            throw new IllegalStateException("parenthesised script defined the wrong number of characters");
        }
        long checksum = 0;
        for (PromptSpec s : specs) checksum += s.prompt().length() + s.references().size();

        System.out.printf("script: %d characters x 3 anchors, %d templates (%d lines, %d KB)%n", characters, templates,
                definitions.lines().count(), definitions.length() / 1024);
        System.out.printf("phase                              wall ms   main-thread CPU ms%n");
        System.out.printf("shell start + first eval         : %7d   %7d%n", ms(t1 - t0), ms(c1 - c0));
        System.out.printf("evaluate definitions (literal)   : %7d   %7d%n", ms(t2 - t1), ms(c2 - c1));
        System.out.printf("compile %6d prompts            : %7d   %7d  (%.1f us CPU/prompt)%n", prompts, ms(t3 - t2), ms(c3 - c2),
                (c3 - c2) / 1000.0 / prompts);
        System.out.printf("total                            : %7d   %7d%n", ms(t3 - t0), ms(c3 - c0));
        System.out.printf("same definitions, image(...) parens: %7d   %7d%n", ms(t7 - t6), ms(c7 - c6));
        System.out.printf("same characters defined by a loop: %7d   %7d  (%.2f ms CPU/character)%n", ms(t5 - t4), ms(c5 - c4),
                (c5 - c4) / 1e6 / characters);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf("peak heap (sum of pool peaks): %d MB; checksum %d%n", peak / (1024 * 1024), checksum);
    }

    private static long ms(long nanos) { return nanos / 1_000_000; }

    static String loopDefinitions(int characters) {
        return """
                for (int c = 0; c < %d; c++) {
                    character("c$c") {
                        name "Person $c"
                        age 18 + c %% 60
                        hair "hair style ${c %% 37}"
                        eyes "eye colour ${c %% 11}"
                        features "feature ${c %% 13}", "mark ${c %% 7}"
                        anchors {
                            image 'anchors/mara/front.png', pose: 'frontal'
                            image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
                            image 'anchors/mara/profile.png', pose: 'profile'
                        }
                    }
                }
                """.formatted(characters);
    }

    public static String definitions(int characters, int templates) {
        StringBuilder sb = new StringBuilder();
        String[] styles = {"Leonardo Kino XL", "Leonardo Vision XL", "Leonardo Phoenix 1.0", "flux-pro-2.0"};
        for (int s = 0; s < styles.length; s++) {
            sb.append("style('s").append(s).append("') { model '").append(styles[s])
              .append("'; tokens 'style ").append(s).append("', 'cinematic lighting' }\n");
        }
        sb.append("camera('cam') { tokens '85mm f/1.8', 'head and shoulders' }\n");
        sb.append("negatives('neg') { tokens 'extra fingers', 'watermark' }\n");
        for (int t = 0; t < templates; t++) {
            int side = 512 + 8 * (t % 32);
            sb.append("template('t").append(t).append("') { style 's").append(t % styles.length)
              .append("'; camera 'cam'; negatives 'neg'; size ").append(side).append(", ").append(side)
              .append("; steps ").append(t % styles.length == 3 ? "" : "").append(20 + t % 20).append(" }\n");
        }
        for (int c = 0; c < characters; c++) {
            sb.append("character('c").append(c).append("') {\n")
              .append("    name 'Person ").append(c).append("'\n")
              .append("    age ").append(18 + c % 60).append('\n')
              .append("    hair 'hair style ").append(c % 37).append("'\n")
              .append("    eyes 'eye colour ").append(c % 11).append("'\n")
              .append("    features 'feature ").append(c % 13).append("', 'mark ").append(c % 7).append("'\n")
              .append("    anchors {\n")
              .append("        image 'anchors/mara/front.png', pose: 'frontal'\n")
              .append("        image 'anchors/mara/three-quarter.png', pose: 'three-quarter'\n")
              .append("        image 'anchors/mara/profile.png', pose: 'profile'\n")
              .append("    }\n}\n");
        }
        return sb.toString();
    }
}
