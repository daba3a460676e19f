package dev.sitter.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Two processes recording into one library at the same time corrupt nothing. */
class ConcurrentWritersE2ETest {
    @TempDir Path dir;

    @Test
    void twoProcessesWritingOneLibrary() throws Exception {
        int each = 40;
        try (ChildJvm a = new ChildJvm(dir, 1_000, each, "mara", Map.of());
             ChildJvm b = new ChildJvm(dir, 2_000, each, "ivo", Map.of())) {
            assertEquals(0, a.awaitExit(300), "writer a: " + a.lines);
            assertEquals(0, b.awaitExit(300), "writer b: " + b.lines);
            Set<String> ids = new HashSet<>(a.recorded());
            ids.addAll(b.recorded());
            assertEquals(2 * each, ids.size());

            Library lib = Library.open(dir);
            VerifyReport r = lib.verify();
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(2 * each, r.records());
            assertEquals(2 * each, lib.ledger().rows().size());
            assertEquals(each, lib.find(Query.ALL.withCharacter("mara")).size());
            assertEquals(each, lib.find(Query.ALL.withCharacter("ivo")).size());
            assertEquals(0, lib.journal().pending().size());
            assertEquals(3 * 2 * each, lib.journal().read().entries().size(), "begin+submitted+complete per asset, all intact");
        }
    }
}
