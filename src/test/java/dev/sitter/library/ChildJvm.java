package dev.sitter.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link RecordLoopMain} in its own JVM, with its output lines collected as they come. */
final class ChildJvm implements AutoCloseable {
    final Process process;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    ChildJvm(Path library, long firstSeed, long count, String character, Map<String, String> env, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RecordLoopMain.class.getName(), library.toString(), String.valueOf(firstSeed), String.valueOf(count), character));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LEONARDO_API_KEY");
        pb.environment().putAll(env);
        process = pb.start();
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    if (line.equals("ready")) ready.countDown();
                }
            } catch (IOException ignored) {
                // the process was killed; what was read so far is what counts
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    boolean awaitReady(long seconds) throws InterruptedException { return ready.await(seconds, TimeUnit.SECONDS); }

    /** Asset ids the child reported as recorded (durable when printed). */
    List<String> recorded() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith("recorded ")).map(l -> l.substring(9)).toList();
        }
    }

    long count(String prefix) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(prefix)).count();
        }
    }

    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        reader.join(10_000);
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) throw new AssertionError("child did not finish: " + lines);
        reader.join(10_000);
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
