package dev.sitter.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index/assets.tsv}: an append-only file of {@link IndexEntry} lines, one per change.
 * A later line for the same asset replaces the earlier one (QA added after recording). Queries
 * read the whole file in one go: 100,000 assets are about 15 MB and scan in well under 200 ms.
 * It is derived data: {@link Library#reindex()} rebuilds it from the records.
 */
final class RecordIndex {
    static final String HEADER = "# sitter-index 1\tasset_id\trecorded_at\tcharacter\tstyle\ttemplate\tmodel"
            + "\tseed\tstep\tparent_id\tqa\tcost\tcost_unit\tbackend\n";

    private final Path file;

    RecordIndex(Path file) { this.file = file; }

    Path file() { return file; }

    long length() throws IOException { return Files.exists(file) ? Files.size(file) : 0; }

    /** Appends one line; the caller holds the library lock. */
    void append(IndexEntry e) throws IOException {
        String text = e.toLine();
        if (!Files.exists(file) || Files.size(file) == 0) text = HEADER + text;
        DurableFiles.append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the whole index (used by reindex); the caller holds the library lock. */
    void rewrite(List<IndexEntry> entries) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (IndexEntry e : entries) sb.append(e.toLine());
        DurableFiles.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What the file holds: the latest entry per asset in first-seen order, and any unreadable lines. */
    record Contents(Map<String, IndexEntry> latest, List<String> badLines) {}

    Contents read() throws IOException {
        return read(null);
    }

    /**
     * Like {@link #read()}, but only lines containing {@code needle} are decoded. Fields other than
     * QA never change after an asset is recorded, so a needle built from them (e.g. a tab-delimited
     * seed) selects every line of every asset that can match, and the latest of those is the latest
     * overall. Skipping the other lines unread is what keeps a 100,000-asset query fast.
     */
    Contents read(String needle) throws IOException {
        Map<String, IndexEntry> latest = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        if (!Files.exists(file)) return new Contents(latest, bad);
        byte[] all = Files.readAllBytes(file);
        if (needle != null) {
            // Jump from one occurrence of the needle to the next; only those lines are decoded.
            byte[] pattern = needle.getBytes(StandardCharsets.UTF_8);
            int from = 0;
            for (int hit; (hit = indexOf(all, pattern, from)) >= 0; ) {
                int start = hit, end = hit;
                while (start > 0 && all[start - 1] != '\n') start--;
                while (end < all.length && all[end] != '\n') end++;
                if (end < all.length && all[start] != '#') {
                    IndexEntry e = IndexEntry.parse(new String(all, start, end - start, StandardCharsets.UTF_8));
                    if (e != null) latest.put(e.assetId(), e);
                }
                from = end + 1;
            }
            return new Contents(latest, bad);
        }
        int start = 0, lineNo = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i < all.length && all[i] != '\n') continue;
            lineNo++;
            if (i == all.length && start == all.length) break;
            boolean complete = i < all.length;
            if (i > start && all[start] != '#') {
                String line = new String(all, start, i - start, StandardCharsets.UTF_8);
                IndexEntry e = complete ? IndexEntry.parse(line) : null;
                if (e == null) bad.add("line " + lineNo + (complete ? "" : " (torn: no line end)"));
                else latest.put(e.assetId(), e);
            }
            start = i + 1;
        }
        return new Contents(latest, bad);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        byte first = needle[0];
        int last = hay.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (hay[i] != first) continue;
            for (int k = 1; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
