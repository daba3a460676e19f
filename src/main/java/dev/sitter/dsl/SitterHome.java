package dev.sitter.dsl;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shipped {@code prompt-library/} next to the jar or classes Sitter runs from. */
public final class SitterHome {
    private SitterHome() {}

    /**
     * The shipped starter library: {@code $SITTER_HOME/prompt-library} when set, else the
     * {@code prompt-library/} of the checkout that holds the running jar ({@code target/sitter.jar}) or
     * classes ({@code target/classes}); null when neither exists.
     */
    public static Path shippedLibrary(String sitterHome) {
        if (sitterHome != null && !sitterHome.isBlank()) {
            Path p = Path.of(sitterHome).resolve("prompt-library");
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        try {
            Path code = Path.of(SitterHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = code;
            for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
                Path p = dir.resolve("prompt-library");
                if (Files.isDirectory(p.resolve("blocks"))) return p.toAbsolutePath().normalize();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // An unusual class source (e.g. a custom class loader): fall through, includes then use the other folders.
        }
        return null;
    }
}
