package dev.sitter.pack;

import dev.sitter.cli.CliE2E;
import dev.sitter.cli.CliContext;
import dev.sitter.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A pack whose composite record carries "feather": 2147483647 (or a denoise out of range) is refused on
 * replay, quickly and before the denoise pass is paid; before, the mask blur looped for minutes and
 * then failed with an index out of bounds.
 */
class HostileCompositeReplayE2ETest extends CliE2E {
    /** As a hostile author would ship it: pack.json lists the record with its own size and SHA-256. */
    private static void rehash(Path packDir, String path, byte[] bytes) throws Exception {
        Path manifest = packDir.resolve("pack.json");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) dev.sitter.model.Json.MAPPER.readTree(Files.readAllBytes(manifest));
        for (var f : root.withArray("files")) {
            if (f.path("path").asText().equals(path)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("sha256", dev.sitter.util.Sha256.hex(bytes)).put("size", bytes.length);
            }
        }
        Files.write(manifest, dev.sitter.model.Json.MAPPER.writeValueAsBytes(root));
    }

    @Test
    void aCompositeRecordWithAHugeFeatherIsRefusedOnReplay() throws Exception {
        Path work = tmp.resolve("work");
        CompositePackScript.write(work);
        assertEquals(0, sitter("run", "work/patch.groovy", "--library", "lib1"), said());
        assertEquals(0, sitter("pack", "import", work.resolve("patched-1.0.0.zip").toString(), "--library", "lib2"), said());

        // a stranger's record: the composite's feather as large as an int goes
        Path records = tmp.resolve("lib2/packs/patched/1.0.0/records");
        int tampered = 0;
        try (var files = Files.list(records)) {
            for (Path r : files.toList()) {
                String json = Files.readString(r);
                String hostile = json.replaceAll("\"feather\"\\s*:\\s*\\d+", "\"feather\":2147483647");
                if (!hostile.equals(json)) {
                    Files.writeString(r, hostile);
                    tampered++;
                    rehash(tmp.resolve("lib2/packs/patched/1.0.0"), "records/" + r.getFileName(), hostile.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(1, tampered, "the composite's record");

        int code = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> sitter("pack", "replay", "patched/1.0.0", "--library", "lib2"));
        assertEquals(1, code, said());
        assertTrue(said().contains("feather: 2147483647 is outside 0-64"), said());
        assertFalse(said().contains("ArrayIndexOutOfBounds") || said().contains("at dev.sitter"), said());
    }
}
