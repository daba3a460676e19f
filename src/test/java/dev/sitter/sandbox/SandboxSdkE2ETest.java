package dev.sitter.sandbox;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Leonardo's official TypeScript SDK ({@code @leonardo-ai/sdk} from npm) drives the sandbox:
 * its generated zod schemas validate every reply. Installs the SDK into target/ and runs
 * src/test/node/sdk-e2e.mjs. Skipped only when {@code node} is not installed.
 */
class SandboxSdkE2ETest {
    @Test
    void officialSdkAcceptsEveryReply() throws Exception {
        Assumptions.assumeTrue(found("node", "--version"), "node is not installed; skipping the SDK end-to-end test");
        Path dir = Path.of("target", "node-e2e").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : List.of("package.json", "package-lock.json", "sdk-e2e.mjs")) {
            Files.copy(Path.of("src/test/node", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@leonardo-ai/sdk"))) {
            Run install = run(dir, Duration.ofMinutes(5), npm(), "install", "--no-audit", "--no-fund", "--loglevel=error");
            assertEquals(0, install.code, "npm install failed:\n" + install.output);
        }
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(30)).build())) {
            Run r = run(dir, Duration.ofMinutes(3), "node", "sdk-e2e.mjs", sandbox.baseUrl());
            assertEquals(0, r.code, "the SDK script failed:\n" + r.output);
            assertTrue(r.output.contains("sdk-e2e: OK"), r.output);
        }
    }

    private static String npm() {
        return System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
    }

    private record Run(int code, String output) {}

    private static Run run(Path dir, Duration timeout, String... cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile("sdk-e2e", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, "timed out after " + timeout + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean found(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
