package dev.sitter.pack;

import dev.sitter.util.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Builders for small valid packs (to corrupt in tests) and a snapshot of a directory tree. */
final class TestPacks {
    private TestPacks() {}

    static final String SCRIPT = """
            character('mara') {
                name 'Mara Voss'
                hair 'short black bob'
                anchors {
                    image 'anchors/mara/front.png', pose: 'frontal'
                }
            }
            """;

    /** A tiny pack's files: one script and one anchor. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("mara.groovy", SCRIPT.getBytes(StandardCharsets.UTF_8));
        f.put("anchors/mara/front.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        return f;
    }

    static PackManifest manifest(String name, Map<String, byte[]> files) {
        List<PackManifest.FileEntry> entries = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            entries.add(new PackManifest.FileEntry(e.getKey(), e.getValue().length, Sha256.hex(e.getValue())));
            if (e.getKey().endsWith(".groovy")) scripts.add(e.getKey());
        }
        return new PackManifest(PackManifest.FORMAT, name, "1.0.0", "Test Author", "CC-BY-4.0", "2026-01-01T00:00:00Z",
                "dev", "2026-01-01", List.of(), List.of(), scripts, List.of(), null, null, entries);
    }

    /** A valid pack zip of {@code files}, with a hook to tamper with the RawZip before it is written. */
    static byte[] zip(Map<String, byte[]> files, Consumer<RawZip> tamper) {
        RawZip z = new RawZip();
        z.add(PackManifest.FILE, manifest("test-pack", files).toBytes());
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) z.add(e.getKey(), e.getValue());
        tamper.accept(z);
        return z.bytes();
    }

    /** A zip whose manifest is built from {@code manifestFiles} but whose entries hold {@code actual} bytes. */
    static byte[] zipLying(Map<String, byte[]> manifestFiles, Map<String, byte[]> actual, Consumer<RawZip> tamper) {
        RawZip z = new RawZip();
        z.add(PackManifest.FILE, manifest("test-pack", manifestFiles).toBytes());
        for (Map.Entry<String, byte[]> e : new TreeMap<>(actual).entrySet()) z.add(e.getKey(), e.getValue());
        tamper.accept(z);
        return z.bytes();
    }

    static byte[] zip(Map<String, byte[]> files) {
        return zip(files, z -> { });
    }

    /** Every path under {@code root} with its type, size and SHA-256: compare before and after. */
    static Map<String, String> tree(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) out.put(rel, "link -> " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) out.put(rel, "dir");
                else out.put(rel, Files.size(p) + " " + Sha256.file(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
