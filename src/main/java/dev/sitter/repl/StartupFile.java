package dev.sitter.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A library block loaded into every new session, and the {@code include} that loads the same file
 * from a script: {@code /save} writes these includes first, so {@code sitter run} sees the same
 * definitions the console had.
 *
 * @param file    the block file
 * @param include its path inside the library, e.g. {@code blocks/styles/noir.groovy}
 */
public record StartupFile(Path file, String include) {

    /**
     * The blocks of the shipped library and then the user's library; where both have the same
     * path the user's wins, as {@code include} resolves the user's library first.
     */
    public static List<StartupFile> blocks(Path shippedLibrary, Path userLibrary) throws IOException {
        Map<String, StartupFile> byInclude = new LinkedHashMap<>();
        for (Path root : new Path[] {shippedLibrary, userLibrary}) {
            if (root == null) continue;
            Path blocks = root.resolve("blocks");
            if (!Files.isDirectory(blocks)) continue;
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(blocks)) {
                s.filter(p -> p.getFileName().toString().endsWith(".groovy") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
            for (Path f : files) {
                String include = root.relativize(f).toString().replace('\\', '/');
                byInclude.put(include, new StartupFile(f.toAbsolutePath().normalize(), include));
            }
        }
        return List.copyOf(byInclude.values());
    }
}
