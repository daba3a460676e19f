package dev.sitter.studio;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens the {@link Backend} on first use, so a script that only defines things, or fails to
 * compile, never starts a sandbox or touches the network, and its errors come first.
 */
public final class LazyBackend implements Supplier<Backend>, AutoCloseable {
    private final Map<String, String> env;
    private final Path home;
    private final PrintStream notices;
    private Backend backend;

    public LazyBackend(Map<String, String> env, Path home, PrintStream notices) {
        this.env = env;
        this.home = home;
        this.notices = notices;
    }

    @Override public synchronized Backend get() {
        if (backend == null) backend = Backend.open(env, home, notices);
        return backend;
    }

    public synchronized boolean opened() { return backend != null; }

    @Override public synchronized void close() {
        if (backend != null) backend.close();
        backend = null;
    }
}
