package dev.sitter.library;

import java.util.List;

/**
 * What {@code verify} found.
 *
 * @param records     records checked
 * @param files       image files hashed
 * @param bytesHashed bytes read and hashed
 * @param hashNanos   time spent reading and hashing images
 * @param problems    every integrity problem; empty means the library is sound
 * @param pending     intents still open in the journal (not problems: resumable work)
 * @param notes       things verify did or noticed that need no action (repaired crash leftovers, ...)
 */
public record VerifyReport(int records, int files, long bytesHashed, long hashNanos, List<Problem> problems,
                           List<Journal.Pending> pending, List<String> notes) {

    /**
     * One problem.
     *
     * @param kind    hash-mismatch, missing, orphan, bad-record, bad-metadata, index, ledger, journal
     * @param path    the file concerned, relative to the library
     * @param message what is wrong and what to do
     */
    public record Problem(String kind, String path, String message) {}

    public boolean ok() { return problems.isEmpty(); }

    /** Hashing throughput in MB/s (10^6 bytes), or 0 when nothing was hashed. */
    public double megabytesPerSecond() {
        return hashNanos == 0 ? 0 : bytesHashed / 1e6 / (hashNanos / 1e9);
    }
}
