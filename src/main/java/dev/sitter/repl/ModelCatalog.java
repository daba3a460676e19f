package dev.sitter.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Platform model names for completion. Read from a cache file ({@code $SITTER_HOME/cache/models.txt},
 * one name per line, written by whatever fetched the platform list) and otherwise a built-in list of
 * Leonardo's well-known models. Never fetched on a keypress.
 */
final class ModelCatalog {
    static final List<String> BUILT_IN = List.of(
            "Leonardo Kino XL", "Leonardo Vision XL", "Leonardo Diffusion XL", "Leonardo Lightning XL",
            "Leonardo Anime XL", "AlbedoBase XL", "SDXL 1.0", "Leonardo Phoenix 1.0", "Leonardo Phoenix 0.9",
            "Lucid Origin", "Lucid Realism", "Flux Dev", "Flux Schnell", "FLUX.1 Kontext");

    private final Path cacheFile;
    private volatile List<String> names;

    ModelCatalog(Path sitterHome) { this.cacheFile = sitterHome.resolve("cache").resolve("models.txt"); }

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
