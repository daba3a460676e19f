package dev.sitter.pack;

import dev.sitter.util.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code pack import FILE}: verifies a pack completely, then places it in the library at
 * {@code packs/NAME/VERSION/}. Executes nothing: scripts are only parsed and checked.
 *
 * <p>Order (research 2.5): validate the archive's structure ({@link SafeZipReader}); read and check
 * {@code pack.json}; require that archive and manifest list exactly the same files with the same
 * sizes; validate every script against the declarative grammar (and that every file it names is in
 * the pack); then stream each file through size caps and SHA-256 into a fresh staging folder inside
 * the library ({@code packs/.staging-*}), created with CREATE_NEW and NOFOLLOW_LINKS, comparing each
 * hash with the manifest; only when all of it matches is the staging folder renamed into place in
 * one atomic move. Any failure deletes the staging folder: the library is as it was.
 */
public final class PackImporter {
    private final Path libraryRoot;
    private final ZipLimits limits;
    private final DeclarativeGrammar grammar;

    public PackImporter(Path libraryRoot, ZipLimits limits, DeclarativeGrammar grammar) {
        this.libraryRoot = libraryRoot.toAbsolutePath().normalize();
        this.limits = limits;
        this.grammar = grammar;
    }

    /** What was imported. */
    public record Result(PackManifest manifest, Path dir, int files, long bytes, List<String> warnings) {}

    /**
     * Imports {@code zip}.
     *
     * @param trust when true, scripts outside the declarative subset are accepted with a warning
     *              (they will only ever run as full Groovy with --trust)
     */
    public Result importPack(Path zip, boolean trust) {
        try {
            return importChecked(zip, trust);
        } catch (PackException e) {
            if (e.getMessage().contains("Nothing was imported")) throw e;
            throw new PackException(e.getMessage() + " Nothing was imported.", e);
        }
    }

    private Result importChecked(Path zip, boolean trust) {
        try (SafeZipReader reader = SafeZipReader.open(zip, limits)) {
            String where = "pack " + zip.getFileName();
            ZipEntryInfo manifestEntry = reader.entry(PackManifest.FILE);
            if (manifestEntry == null) {
                throw new PackException(where + " has no " + PackManifest.FILE + " at its top level; it is not a Sitter pack"
                        + " (or was re-zipped inside a folder). Nothing was imported.");
            }
            byte[] manifestBytes = reader.readAll(manifestEntry, PackManifest.MAX_BYTES);
            PackManifest manifest = PackManifest.parse(manifestBytes, where);
            crossCheck(reader, manifest, where);

            Map<String, byte[]> scriptBytes = new HashMap<>();
            for (PackManifest.FileEntry f : manifest.files()) {
                if (f.path().endsWith(".groovy")) {
                    scriptBytes.put(f.path(), readVerified(reader, f, where));
                }
            }
            List<String> warnings = new ArrayList<>();
            checkScripts(manifest, scriptBytes, trust, warnings, where);

            Path target = targetDir(manifest);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new PackException(where + ": " + manifest.name() + " " + manifest.version() + " is already in the library at "
                        + target + ". Remove that folder first to import it again. Nothing was imported.");
            }
            Path packsDir = libraryRoot.resolve("packs");
            createDirsNoLinks(libraryRoot, packsDir);
            removeStaleStaging(packsDir);
            Path staging = Files.createTempDirectory(packsDir, ".staging-");
            try {
                long bytes = 0;
                List<Path> written = new ArrayList<>();
                for (PackManifest.FileEntry f : manifest.files()) {
                    bytes += extract(reader, f, staging, where);
                    written.add(PackPaths.resolveInside(staging, f.path()));
                }
                writeNew(staging.resolve(PackManifest.FILE), manifestBytes);
                forceAll(written);
                createDirsNoLinks(libraryRoot, target.getParent());
                moveIntoPlace(staging, target, where);
                fsyncDir(target.getParent());
                return new Result(manifest, target, manifest.files().size() + 1, bytes + manifestBytes.length, warnings);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new PackException("cannot import " + zip + ": " + e.getMessage() + ". Nothing was imported.", e);
        }
    }

    /** Staging folders older than a day were left by a crashed import: nothing refers to them. */
    private static void removeStaleStaging(Path packsDir) {
        long cutoff = System.currentTimeMillis() - 24L * 3600 * 1000;
        try (var s = Files.newDirectoryStream(packsDir, ".staging-*")) {
            for (Path p : s) {
                if (!Files.isSymbolicLink(p) && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) deleteTree(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a stale folder costs disk space, not correctness
        }
    }

    /** Where a pack lives in the library. */
    public Path targetDir(PackManifest m) {
        return libraryRoot.resolve("packs").resolve(m.name()).resolve(m.version());
    }

    private static void crossCheck(SafeZipReader reader, PackManifest m, String where) {
        Set<String> listed = new TreeSet<>();
        for (PackManifest.FileEntry f : m.files()) {
            listed.add(f.path());
            ZipEntryInfo e = reader.entry(f.path());
            if (e == null) {
                throw new PackException(where + ": pack.json lists '" + f.path() + "' but the archive does not contain it."
                        + " The pack is incomplete. Nothing was imported.");
            }
            if (e.size() != f.size()) {
                throw new PackException(where + ": '" + f.path() + "' is " + e.size() + " bytes in the archive but pack.json says "
                        + f.size() + ". The pack was altered or damaged. Nothing was imported.");
            }
        }
        for (ZipEntryInfo e : reader.entries()) {
            if (e.isDirectory() || e.name().equals(PackManifest.FILE)) continue;
            if (!listed.contains(e.name())) {
                throw new PackException(where + ": the archive contains '" + PackPaths.printable(e.name())
                        + "', which pack.json does not list. Packs may hold only the files their manifest names."
                        + " Nothing was imported.");
            }
        }
    }

    private void checkScripts(PackManifest m, Map<String, byte[]> scriptBytes, boolean trust, List<String> warnings, String where) {
        // The manifest's scripts first (their includes in context), then any other script in the
        // pack on its own: nothing that looks like a script gets in unchecked.
        List<String> roots = new ArrayList<>(m.scripts());
        for (String p : new TreeSet<>(scriptBytes.keySet())) if (!roots.contains(p)) roots.add(p);
        Set<String> files = new TreeSet<>();
        m.files().forEach(f -> files.add(f.path()));
        PackScripts scripts = new PackScripts(grammar, p -> text(p, scriptBytes.get(p), where), files);
        try {
            scripts.validate(roots);
        } catch (ScriptRefusedException e) {
            if (!trust) {
                throw new PackException(where + ": " + e.getMessage() + " Nothing was imported.");
            }
            warnings.add("imported with --trust although its scripts are not declarative: " + e.getMessage());
        }
    }

    private static String text(String path, byte[] bytes, String where) {
        if (bytes == null) throw new PackException(where + ": '" + path + "' is not a script in this pack.");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PackException(where + ": script '" + path + "' is not UTF-8 text. Nothing was imported.");
        }
    }

    private static byte[] readVerified(SafeZipReader reader, PackManifest.FileEntry f, String where) {
        byte[] b = reader.readAll(reader.entry(f.path()), (int) Math.min(Integer.MAX_VALUE - 8, ScriptParser.MAX_SOURCE_CHARS * 4L));
        if (!Sha256.hex(b).equals(f.sha256())) throw hashMismatch(f, where);
        return b;
    }

    private long extract(SafeZipReader reader, PackManifest.FileEntry f, Path staging, String where) throws IOException {
        Path out = PackPaths.resolveInside(staging, f.path());
        createDirsNoLinks(staging, out.getParent());
        MessageDigest md = Sha256.digest();
        long n = 0;
        try (InputStream in = reader.open(reader.entry(f.path()));
             OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
                os.write(buf, 0, r);
                n += r;
            }
        }
        if (n != f.size() || !HexFormat.of().formatHex(md.digest()).equals(f.sha256())) throw hashMismatch(f, where);
        return n;
    }

    /**
     * Makes every extracted file durable before the folder is renamed into place. The fsyncs run on
     * a few threads: the filesystem journal commits concurrent syncs together, which matters for
     * packs of hundreds of small files.
     */
    private static void forceAll(List<Path> files) throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
            for (Path p : files) {
                jobs.add(pool.submit(() -> {
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        ch.force(true);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> j : jobs) j.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing the staged pack", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static PackException hashMismatch(PackManifest.FileEntry f, String where) {
        return new PackException(where + ": '" + f.path() + "' does not match the SHA-256 pack.json gives for it ("
                + f.sha256().substring(0, 12) + "...). The pack was altered or damaged after export. Nothing was imported.");
    }

    /** Creates {@code dir} and its parents below {@code root}, refusing to pass through any symlink. */
    static void createDirsNoLinks(Path root, Path dir) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path target = dir.toAbsolutePath().normalize();
        if (!target.startsWith(base)) throw new PackException(target + " is outside " + base + "; refused.");
        Files.createDirectories(base);
        Path cur = base;
        for (Path seg : base.relativize(target)) {
            cur = cur.resolve(seg);
            if (Files.isSymbolicLink(cur)) throw new PackException(cur + " is a symbolic link; refusing to write through it.");
            if (!Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(cur);
                } catch (FileAlreadyExistsException raced) {
                    if (!Files.isDirectory(cur, LinkOption.NOFOLLOW_LINKS)) throw new PackException(cur + " is not a folder.");
                }
            } else if (!Files.isDirectory(cur, LinkOption.NOFOLLOW_LINKS)) {
                throw new PackException(cur + " exists and is not a folder.");
            }
        }
    }

    private static void writeNew(Path file, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
    }

    private static void moveIntoPlace(Path staging, Path target, String where) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            throw new PackException(where + ": " + target + " appeared while importing (another import?). Nothing was imported.");
        } catch (AtomicMoveNotSupportedException e) {
            throw new PackException(where + ": cannot move the staged pack into place atomically (" + e.getMessage() + ").");
        }
    }

    static void fsyncDir(Path dir) {
        if (System.getProperty("os.name", "").toLowerCase().contains("win")) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Directory fsync is best effort (unsupported on some filesystems); the data files are already synced.
        }
    }

    /** Deletes a tree we created, never following links out of it. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (var walk = Files.walk(root)) {
            List<Path> all = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }
}
