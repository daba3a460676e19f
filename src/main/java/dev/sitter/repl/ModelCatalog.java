package dev.sitter.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Platform model names for completion. Read from a cache file ({@code $SITTER_HOME/cache/models.txt},
 * one name per line, written when a console input lists the models, e.g. {@code models()}) and
 * otherwise a built-in list of Leonardo's well-known models. Never fetched on a keypress.
 */
final class ModelCatalog {
    static final List<String> BUILT_IN = List.of(
            "Leonardo Kino XL", "Leonardo Vision XL", "Leonardo Diffusion XL", "Leonardo Lightning XL",
            "Leonardo Anime XL", "AlbedoBase XL", "SDXL 1.0", "Leonardo Phoenix 1.0", "Leonardo Phoenix 0.9",
            "Lucid Origin", "Lucid Realism", "Flux Dev", "Flux Schnell", "FLUX.1 Kontext");

    private final Path cacheFile;
    private volatile List<String> names;

    ModelCatalog(Path sitterHome) { this.cacheFile = sitterHome.resolve("cache").resolve("models.txt"); }

    /**
     * Refreshes the cache from a result that lists platform models (what {@code models()} returns),
     * so later completion offers the account's real names. Anything else is ignored.
     */
    void rememberFrom(Object value) {
        if (!(value instanceof java.util.Collection<?> c) || c.isEmpty()
                || !c.stream().allMatch(o -> o instanceof dev.sitter.leonardo.PlatformModel)) return;
        List<String> fresh = c.stream().map(o -> ((dev.sitter.leonardo.PlatformModel) o).name()).distinct().sorted().toList();
        names = fresh;
        try {
            Files.createDirectories(cacheFile.getParent());
            Path tmp = cacheFile.resolveSibling("models.txt.tmp");
            Files.write(tmp, fresh);
            Files.move(tmp, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The names stay in memory for this session; the cache is only a convenience.
        }
    }

    List<String> names() {
        List<String> n = names;
        if (n == null) {
            n = BUILT_IN;
            try {
                if (Files.isRegularFile(cacheFile)) {
                    List<String> cached = Files.readAllLines(cacheFile).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
                    if (!cached.isEmpty()) n = cached;
                }
            } catch (IOException e) {
                // An unreadable cache only costs completion quality; fall back to the built-in list.
            }
            names = n;
        }
        return n;
    }
}
