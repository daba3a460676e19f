package dev.sitter.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * kill -9 at random moments: a child JVM records assets in a loop and is killed hard, many times
 * over. After every kill the library must verify clean, keep every asset the child reported as
 * recorded, and show the interrupted intent (if any) as pending.
 */
class CrashSafetyE2ETest {
    @TempDir Path dir;

    @Test
    void killedWritersNeverLeaveABrokenLibraryOrLoseARecordedImage() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int runs = Integer.getInteger("crash.runs", 16);
        Set<String> recorded = new HashSet<>();
        int killsMidWrite = 0; // kills that landed inside Library.record (its recovery marker was left behind)
        for (int run = 0; run < runs; run++) {
            try (ChildJvm child = new ChildJvm(dir, run * 1_000_000L, 0, "mara", Map.of())) {
                assertTrue(child.awaitReady(60), "child started: " + child.lines);
                // Wait until it has recorded a few assets (0-4), then a random extra moment, then kill.
                int want = random.nextInt(5);
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (child.count("recorded ") < want && System.nanoTime() < deadline && child.process.isAlive()) {
                    Thread.onSpinWait();
                    Thread.sleep(1);
                }
                Thread.sleep(random.nextInt(40)); // where in the next write the kill lands
                assertTrue(child.process.isAlive(), "child died on its own: " + child.lines);
                child.killHard();
                recorded.addAll(child.recorded());
                if (hasMarker()) killsMidWrite++;
            }
            if (run % 2 == 1) { // every other run, let the next writer do the recovery instead of verify
                checkSound(seed, recorded);
            }
        }
        VerifyReport r = checkSound(seed, recorded);
        assertTrue(r.pending().size() <= runs, "at most one open intent per killed run");
        assertTrue(recorded.size() >= 1, "the children recorded something (seed " + seed + ")");
        System.out.printf("crash test: seed %d, %d runs, %d assets survived, %d pending intents, %d kills inside a record write%n",
                seed, runs, recorded.size(), r.pending().size(), killsMidWrite);
    }

    /** Whether the kill left a change in flight (the marker names a record, not idle). */
    private boolean hasMarker() throws java.io.IOException {
        InflightMarker.Marker m = new InflightMarker(dir.resolve("tmp/inflight")).read();
        return m != null && m.op().equals("record");
    }

    private VerifyReport checkSound(long seed, Set<String> recorded) throws Exception {
        Library lib = Library.open(dir);
        VerifyReport r = lib.verify();
        assertTrue(r.ok(), "seed " + seed + ": " + r.problems());
        for (String id : recorded) {
            assertTrue(Files.exists(lib.recordPath(id)), "seed " + seed + ": recorded asset " + id + " lost");
            assertEquals(id, lib.get(id).assetId());
        }
        assertEquals(r.records(), lib.ledger().rows().size(), "one ledger row per record");
        assertEquals(r.records(), lib.find(Query.ALL).size(), "one index entry per record");
        List<Journal.Pending> pending = lib.journal().pending();
        for (Journal.Pending p : pending) assertNotNull(p.intent().spec(), "pending intent keeps its request");
        return r;
    }
}
