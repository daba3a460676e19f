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

    /**
     * The file a relative path written in a script names, for files read outside requests (a
     * pipeline's masks and LUTs), or null when this source has no folder of its own.
     */
    default Path locate(String path) { return null; }

    static ImageSource relativeTo(Path dir) {
        return new ImageSource() {
            @Override public Path locate(String path) { return dir.resolve(path).normalize(); }

            @Override public byte[] read(String path, String sha256) { return readChecked(dir, path, sha256); }
        };
    }

    private static byte[] readChecked(Path dir, String path, String sha256) {
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
    }
}
