package dev.sitter.leonardo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Surefire entry for {@link ClientBench} (not part of the normal suite: the name does not end in
 * Test). Run with {@code bench/client-throughput.sh}, arguments in {@code -Dbench.args="..."}.
 */
class ClientThroughputBench {
    @Test void throughput() throws Exception {
        String args = System.getProperty("bench.args", "").strip();
        assertTrue(ClientBench.bench(args.isEmpty() ? new String[0] : args.split("\\s+")), "every job completed exactly once");
    }
}
