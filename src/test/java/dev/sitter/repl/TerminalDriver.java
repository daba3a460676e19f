package dev.sitter.repl;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Drives a JLine terminal on in-process streams as a person at a keyboard would: keystrokes in
 * (Tab, Enter, Ctrl-C, Ctrl-D are bytes), the screen's byte stream out, read back without ANSI codes.
 */
final class TerminalDriver implements AutoCloseable {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final Terminal terminal;

    TerminalDriver() throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        OutputStream out = new OutputStream() {
            @Override public void write(int b) { synchronized (screen) { screen.write(b); } }

            @Override public void write(byte[] b, int off, int len) { synchronized (screen) { screen.write(b, off, len); } }
        };
        // ExternalTerminal runs JLine's own line discipline, so a typed Ctrl-C raises SIGINT in-process
        // as the kernel does for a real terminal (TerminalBuilder would pick a pty, whose SIGINT goes nowhere).
        terminal = new ExternalTerminal("test", "xterm-256color", in, out, StandardCharsets.UTF_8);
        terminal.setSize(new Size(160, 50));
    }

    void type(String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything shown so far, with escape sequences and carriage returns removed. */
    String text() {
        String raw;
        synchronized (screen) { raw = screen.toString(StandardCharsets.UTF_8); }
        return raw.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001b[()][0-9A-B]", "")
                .replaceAll("\u001b[=>78]", "").replace("\r", "");
    }

    /** Polls the screen until the condition holds; fails with the screen after a generous deadline. */
    String await(Predicate<String> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String t = text();
            if (condition.test(t)) return t;
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + text());
    }

    String awaitContains(String s) throws InterruptedException { return await(t -> t.contains(s), "'" + s + "'"); }

    /** Waits until the text appears n times (e.g. the prompt after the n-th input). */
    String awaitCount(String s, int n) throws InterruptedException {
        return await(t -> t.split(java.util.regex.Pattern.quote(s), -1).length - 1 >= n, n + " x '" + s + "'");
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }
}
