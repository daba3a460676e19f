package dev.sitter.studio;

import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * DSL sessions for end-to-end tests, each as {@code sitter run} builds one: its own sandbox on
 * loopback, its own library, the script folder as base, the pack keyword wired. Closing closes every
 * sandbox and backend opened, newest first.
 */
final class SandboxSessions implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();
    /** Every sandbox opened, in order, for tests that inspect what a session sent. */
    final List<Sandbox> sandboxes = new ArrayList<>();

    SitterShell open(Path work, Path lib) {
        return open(work, lib, SandboxConfig.builder().build(), notice -> { });
    }

    SitterShell open(Path work, Path lib, SandboxConfig config, Consumer<String> notices) {
        Sandbox sandbox = Sandbox.start(config);
        Backend backend = Backend.over(sandbox);
        open.add(sandbox);
        open.add(backend);
        sandboxes.add(sandbox);
        Path shipped = Path.of("prompt-library").toAbsolutePath();
        SitterShell shell = SitterShell.builder().baseDir(work).workDir(work).libraryDir(lib)
                .shippedLibrary(shipped).warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, Library.open(lib), ImageSource.relativeTo(work), a -> { }));
        shell.packs(new StudioPacks(lib, () -> backend, List.of(lib, shipped), null, notices));
        return shell;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        open.clear();
    }
}
