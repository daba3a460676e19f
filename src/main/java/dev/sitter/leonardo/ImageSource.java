package dev.sitter.leonardo;

import dev.sitter.util.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the bytes of a local reference/init image named in a {@link dev.sitter.model.PromptSpec}
 * (a path as written in the script plus the SHA-256 the compiler recorded). The default resolves
 * paths against a directory and refuses a file that changed since it was compiled.
 */
@FunctionalInterface
public interface ImageSource {
    byte[] read(String path, String sha256);

    static ImageSource relativeTo(Path dir) {
        return (path, sha256) -> {
            Path p = dir.resolve(path);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new LeonardoException(LeonardoException.Kind.CONFIG, "Reference image " + p
                        + " does not exist; fix the path in the script or restore the file.", e);
            } catch (IOException e) {
                throw new LeonardoException(LeonardoException.Kind.CONFIG, "Cannot read reference image " + p
                        + " (" + e.getClass().getSimpleName() + "); check its permissions.", e);
            }
            if (sha256 != null && !Sha256.hex(bytes).equals(sha256)) {
                throw new LeonardoException(LeonardoException.Kind.CONFIG, "Reference image " + p
                        + " changed after the script was compiled (SHA-256 differs); run the script again so the new file is used on purpose.");
            }
            return bytes;
        };
    }
}
