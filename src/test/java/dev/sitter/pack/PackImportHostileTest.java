package dev.sitter.pack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hostile archive corpus: every archive is built by code here (no committed binaries), must be
 * refused with a message naming the problem, and must leave the whole temp tree (library and its
 * surroundings) exactly as it was.
 */
class PackImportHostileTest {
    record Hostile(String name, Supplier<byte[]> zip, String expect) {
        @Override public String toString() { return name; }
    }

    @TempDir Path tmp;
    Path library;

    @BeforeEach
    void setUp() throws IOException {
        library = Files.createDirectories(tmp.resolve("library"));
        Files.writeString(library.resolve("existing.txt"), "user data");
        Files.createDirectories(tmp.resolve("outside"));
    }

    static byte[] zeros(int n) {
        return new byte[n];
    }

    static List<Hostile> archives() {
        List<Hostile> h = new ArrayList<>();
        Map<String, byte[]> ok = TestPacks.files();
        // --- zip slip and names
        h.add(new Hostile("zip slip ../", () -> TestPacks.zip(ok, z -> z.add("../evil.txt", "x")), "'..'"));
        h.add(new Hostile("deep zip slip", () -> TestPacks.zip(ok, z -> z.add("../../../../tmp/evil.txt", "x")), "'..'"));
        h.add(new Hostile("windows slip", () -> TestPacks.zip(ok, z -> z.add("..\\..\\evil.txt", "x")), "backslash"));
        h.add(new Hostile("mixed slip", () -> TestPacks.zip(ok, z -> z.add("a/..\\..\\evil", "x")), "backslash"));
        h.add(new Hostile("absolute path", () -> TestPacks.zip(ok, z -> z.add("/etc/cron.d/x", "x")), "absolute"));
        h.add(new Hostile("drive path", () -> TestPacks.zip(ok, z -> z.add("C:\\Windows\\x", "x")), "drive letter"));
        h.add(new Hostile("drive relative", () -> TestPacks.zip(ok, z -> z.add("C:x", "x")), "drive letter"));
        h.add(new Hostile("UNC path", () -> TestPacks.zip(ok, z -> z.add("\\\\server\\share\\x", "x")), "absolute"));
        h.add(new Hostile("slash-slash path", () -> TestPacks.zip(ok, z -> z.add("//server/share", "x")), "absolute"));
        h.add(new Hostile("NUL in name", () -> TestPacks.zip(ok, z -> z.add("a\u0000.png", "x")), "\\u0000"));
        h.add(new Hostile("newline in name", () -> TestPacks.zip(ok, z -> z.add("a\nb.png", "x")), "\\u000A"));
        h.add(new Hostile("RTL override name", () -> TestPacks.zip(ok, z -> z.add("evil\u202Egnp.exe", "x")), "\\u202E"));
        h.add(new Hostile("trailing dot", () -> TestPacks.zip(ok, z -> z.add("scripts/x.", "x")), "ends with a dot"));
        h.add(new Hostile("windows device", () -> TestPacks.zip(ok, z -> z.add("CON.txt", "x")), "device name"));
        h.add(new Hostile("non-UTF-8 name", () -> TestPacks.zip(ok, z -> {
            RawZip.Entry e = z.add("x", "x");
            e.name = new byte[] {'a', (byte) 0xff, (byte) 0xfe, '.', 't'};
        }), "not valid UTF-8"));
        h.add(new Hostile("64 KiB name", () -> TestPacks.zip(ok, z -> z.add("a".repeat(65_000), "x")), "longer than"));
        h.add(new Hostile("1000-deep path", () -> TestPacks.zip(ok, z -> z.add("a/".repeat(1000) + "x", "x")), "longer than"));
        h.add(new Hostile("40-deep path", () -> TestPacks.zip(ok, z -> z.add("a/".repeat(40) + "x", "x")), "nested deeper"));
        // --- special entries
        h.add(new Hostile("symlink entry then write through it", () -> TestPacks.zip(ok, z -> {
            z.add("link", "/").stored().unixMode(0120777);
            z.add("link/etc/passwd", "root::0:0");
        }), "symbolic link"));
        h.add(new Hostile("symlink to inside", () -> TestPacks.zip(ok, z -> z.add("alias.png", "anchors/mara/front.png")
                .stored().unixMode(0120777)), "symbolic link"));
        h.add(new Hostile("FIFO entry", () -> TestPacks.zip(ok, z -> z.add("fifo", "").stored().unixMode(0010644)), "special file"));
        h.add(new Hostile("device entry", () -> TestPacks.zip(ok, z -> z.add("dev", "").stored().unixMode(0060644)), "special file"));
        // --- duplicates and collisions
        h.add(new Hostile("duplicate name", () -> TestPacks.zip(ok, z -> z.add("mara.groovy", "evaluate('x')")), "twice"));
        h.add(new Hostile("case collision", () -> TestPacks.zip(ok, z -> z.add("MARA.groovy", "x")), "letter case"));
        h.add(new Hostile("folder and file same name", () -> TestPacks.zip(ok, z -> {
            z.add("a/", new byte[0]).stored();
            z.add("a", "x");
        }), "twice"));
        h.add(new Hostile("file used as folder", () -> TestPacks.zip(ok, z -> z.add("mara.groovy/x", "x")), "which is a file"));
        // --- bombs and lying sizes
        h.add(new Hostile("ratio bomb", () -> TestPacks.zip(ok, z -> z.add("bomb.bin", zeros(16 << 20))), "zip bomb"));
        h.add(new Hostile("entry-count bomb", () -> {
            RawZip z = new RawZip();
            for (int i = 0; i < ZipLimits.DEFAULT.maxEntries() + 1; i++) z.add("f" + i, new byte[0]).stored();
            return z.bytes();
        }, "entries; the limit is"));
        h.add(new Hostile("huge declared size", () -> TestPacks.zip(ok, z -> {
            RawZip.Entry e = z.add("huge.bin", "x");
            e.cdUsize = 0xFFFFFFF0L;
        }), "declares"));
        h.add(new Hostile("lying small size", () -> TestPacks.zipLying(Map.of("liar.bin", zeros(10)),
                Map.of("liar.bin", zeros(50_000)), z -> z.entry("liar.bin").cdUsize = 10L), "inflates past its declared size"));
        h.add(new Hostile("overlapping entries", () -> TestPacks.zip(ok, z -> {
            RawZip.Entry a = z.add("a.bin", zeros(10));
            RawZip.Entry b = z.add("b.bin", zeros(10));
            a.cdCsize = 40L; // a's data now runs over b's header
            a.localCsize = 40L;
        }), "overlap"));
        // --- corrupt and truncated
        h.add(new Hostile("not a zip", () -> "this is not a zip file at all, just text".repeat(5).getBytes(StandardCharsets.UTF_8), "no zip end record"));
        h.add(new Hostile("empty file", () -> new byte[0], "too short"));
        h.add(new Hostile("truncated", () -> {
            byte[] z = TestPacks.zip(ok);
            return Arrays.copyOf(z, z.length - 30);
        }, "no zip end record"));
        h.add(new Hostile("truncated data", () -> {
            byte[] z = TestPacks.zip(ok);
            byte[] cut = Arrays.copyOf(z, z.length / 2);
            return concat(cut, Arrays.copyOfRange(z, z.length - 22, z.length)); // keep an end record
        }, "pack archive"));
        h.add(new Hostile("bad CRC", () -> TestPacks.zip(Map.of("c.bin", zeros(100)), z -> z.entry("c.bin").cdCrc = 12345L), "CRC"));
        h.add(new Hostile("corrupt deflate data", () -> {
            byte[] z = TestPacks.zip(Map.of("a.txt", "hello hello hello hello".repeat(50).getBytes()));
            int at = indexOf(z, "a.txt".getBytes(), 0) + 5; // the local header's name; the data follows it
            for (int i = at; i < at + 8; i++) z[i] = (byte) 0xff;
            return z;
        }, "entry 'a.txt'"));
        h.add(new Hostile("prepended junk", () -> TestPacks.zip(ok, z -> z.prefix = "MZ self-extractor".getBytes()), "before its first entry"));
        h.add(new Hostile("trailing junk", () -> TestPacks.zip(ok, z -> z.suffix = "<?php evil ?>".getBytes()), "after its end record"));
        h.add(new Hostile("encrypted entry", () -> TestPacks.zip(ok, z -> z.add("enc.bin", "x").flags |= 1), "encrypted"));
        h.add(new Hostile("bzip2 method", () -> TestPacks.zip(ok, z -> z.add("m.bin", "x").method = 12), "bzip2"));
        h.add(new Hostile("zip64 marker", () -> TestPacks.zip(ok, z -> z.totalOverride = 0xFFFF), "Zip64"));
        h.add(new Hostile("local/central name mismatch", () -> TestPacks.zip(ok, z -> {
            RawZip.Entry e = z.add("safe.txt", "x");
            e.localName = "../evi.txt".getBytes();
        }), "local header"));
        h.add(new Hostile("local/central method mismatch", () -> TestPacks.zip(ok, z -> z.add("m.txt", "xyz").localMethod = 0), "disagrees"));
        // --- manifest level
        h.add(new Hostile("no manifest", () -> {
            RawZip z = new RawZip();
            z.add("mara.groovy", TestPacks.SCRIPT);
            return z.bytes();
        }, "has no pack.json"));
        h.add(new Hostile("manifest not JSON", () -> {
            RawZip z = new RawZip();
            z.add("pack.json", "{ not json");
            return z.bytes();
        }, "not valid JSON"));
        h.add(new Hostile("manifest hash mismatch", () -> {
            Map<String, byte[]> files = TestPacks.files();
            RawZip z = new RawZip();
            z.add(PackManifest.FILE, TestPacks.manifest("p", files).toBytes());
            z.add("anchors/mara/front.png", new byte[] {9, 9, 9, 9, 9, 9, 9}); // same size, other bytes
            z.add("mara.groovy", files.get("mara.groovy"));
            return z.bytes();
        }, "does not match the SHA-256"));
        h.add(new Hostile("script tampered after export", () -> {
            Map<String, byte[]> files = TestPacks.files();
            byte[] evil = Arrays.copyOf("evaluate('x')//".getBytes(), files.get("mara.groovy").length);
            RawZip z = new RawZip();
            z.add(PackManifest.FILE, TestPacks.manifest("p", files).toBytes());
            z.add("anchors/mara/front.png", files.get("anchors/mara/front.png"));
            z.add("mara.groovy", evil);
            return z.bytes();
        }, "does not match the SHA-256"));
        h.add(new Hostile("listed file missing", () -> {
            Map<String, byte[]> files = TestPacks.files();
            RawZip z = new RawZip();
            z.add(PackManifest.FILE, TestPacks.manifest("p", files).toBytes());
            z.add("mara.groovy", files.get("mara.groovy"));
            return z.bytes();
        }, "does not contain it"));
        h.add(new Hostile("unlisted extra file", () -> TestPacks.zip(ok, z -> z.add("extra.txt", "hi")), "does not list"));
        h.add(new Hostile("manifest path traversal", () -> {
            Map<String, byte[]> files = new java.util.LinkedHashMap<>(TestPacks.files());
            files.put("../../escape.txt", "x".getBytes());
            RawZip z = new RawZip();
            z.add(PackManifest.FILE, TestPacks.manifest("p", files).toBytes());
            return z.bytes();
        }, "'..'"));
        h.add(new Hostile("manifest name traversal", () -> {
            PackManifest m = TestPacks.manifest("..", TestPacks.files());
            RawZip z = new RawZip();
            z.add(PackManifest.FILE, m.toBytes());
            return z.bytes();
        }, "field 'name'"));
        h.add(new Hostile("hostile script", () -> TestPacks.zip(Map.of("scripts/a.groovy",
                "'rm -rf ~'.execute()".getBytes())), "execute"));
        h.add(new Hostile("stray script outside the manifest's list", () -> {
            Map<String, byte[]> files = new java.util.LinkedHashMap<>(TestPacks.files());
            files.put("blocks/extra.groovy", "evaluate(new File('/etc/passwd').text)".getBytes());
            PackManifest m = TestPacks.manifest("p", files);
            m = new PackManifest(m.format(), m.name(), m.version(), m.author(), m.license(), m.created(), m.sitterVersion(),
                    m.tosReviewed(), m.models(), m.characters(), List.of("mara.groovy"), m.assets(), m.cost(), m.checklist(), m.files());
            RawZip z = new RawZip();
            z.add(PackManifest.FILE, m.toBytes());
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(files).entrySet()) z.add(e.getKey(), e.getValue());
            return z.bytes();
        }, "blocks/extra.groovy:1"));
        h.add(new Hostile("@Grab script", () -> TestPacks.zip(Map.of("scripts/a.groovy",
                "@Grab('evil:evil:1')\nimport evil.Evil\ncharacter('a') {}".getBytes())), "@Grab"));
        h.add(new Hostile("script names a file outside the pack", () -> TestPacks.zip(Map.of("scripts/a.groovy",
                "character('a') { anchors { image 'anchors/not-there.png' } }".getBytes())), "not in the pack"));
        h.add(new Hostile("include cycle", () -> TestPacks.zip(Map.of("a.groovy", "include 'b.groovy'".getBytes(),
                "b.groovy", "include 'a.groovy'".getBytes())), "cycle"));
        h.add(new Hostile("script not UTF-8", () -> TestPacks.zip(Map.of("a.groovy", new byte[] {'c', (byte) 0xff, (byte) 0xfe})), "not UTF-8"));
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void refusedAndNothingWritten(Hostile hostile) throws IOException {
        Path zip = Files.write(tmp.resolve("outside").resolve("hostile.zip"), hostile.zip().get());
        Map<String, String> before = TestPacks.tree(tmp);
        PackException e = assertThrows(PackException.class,
                () -> new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false));
        assertTrue(e.getMessage().contains(hostile.expect()), () -> "expected '" + hostile.expect() + "' in: " + e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was imported") || e.getMessage().contains("nothing was imported"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no Java exception names in user messages: " + e.getMessage());
        Map<String, String> after = TestPacks.tree(tmp);
        // the only allowed difference is an empty packs/ folder created for staging
        after.remove("library/packs");
        assertEquals(before, after, "an import that failed changed the disk");
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(archives().size() >= 20);
    }

    @Test
    void plantedSymlinkInTheLibraryIsNotFollowed() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createSymbolicLink(library.resolve("packs"), outside);
        Path zip = Files.write(tmp.resolve("ok.zip"), TestPacks.zip(TestPacks.files()));
        Map<String, String> before = TestPacks.tree(tmp);
        PackException e = assertThrows(PackException.class,
                () -> new PackImporter(library, ZipLimits.DEFAULT, DeclarativeGrammar.sitter()).importPack(zip, false));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals(before, TestPacks.tree(tmp));
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b);
        return o.toByteArray();
    }

    static int indexOf(byte[] hay, byte[] needle, int occurrence) {
        int seen = 0;
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(hay, i, i + needle.length), needle) && seen++ == occurrence) return i;
        }
        return -1;
    }
}
