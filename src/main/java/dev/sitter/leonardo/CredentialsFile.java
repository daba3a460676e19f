package dev.sitter.leonardo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the optional key file {@code ~/.sitter/credentials}: lines {@code LEONARDO_API_KEY=...}
 * (or {@code api_key = ...}), {@code #} comments. Like ssh with a private key, Sitter refuses a file
 * that other users can read: the key is money.
 */
public final class CredentialsFile {
    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private CredentialsFile() {}

    public static Path defaultPath(Path home) { return home.resolve(".sitter").resolve("credentials"); }

    /**
     * @return the key in the file, or empty if the file does not exist or holds no key
     * @throws LeonardoException (CONFIG) if the file is readable by group/others, or unreadable
     */
    public static Optional<ApiKey> read(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) return Optional.empty();
        checkPermissions(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new LeonardoException(LeonardoException.Kind.CONFIG,
                    "Cannot read " + file + " (" + e.getClass().getSimpleName() + "); fix its permissions with `chmod 600 " + file + "` or remove it.", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) continue;
            String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!name.equals("leonardo_api_key") && !name.equals("api_key")) continue;
            String value = unquote(line.substring(eq + 1).strip());
            try {
                return Optional.of(ApiKey.of(value));
            } catch (IllegalArgumentException bad) {
                throw new LeonardoException(LeonardoException.Kind.CONFIG,
                        file + " line " + (i + 1) + ": " + bad.getMessage() + ".");
            }
        }
        return Optional.empty();
    }

    private static void checkPermissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return; // not a POSIX file system (Windows): ACLs are the user's profile's
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.stream().anyMatch(OTHERS::contains)) {
                throw new LeonardoException(LeonardoException.Kind.CONFIG,
                        file + " can be read by other users (" + PosixFilePermissions.toString(perms)
                                + "); Sitter will not use a key others can read. Run `chmod 600 " + file
                                + "` and try again (and consider rotating the key if others had access).");
            }
        } catch (IOException e) {
            throw new LeonardoException(LeonardoException.Kind.CONFIG,
                    "Cannot check the permissions of " + file + "; run `chmod 600 " + file + "` and try again.", e);
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
