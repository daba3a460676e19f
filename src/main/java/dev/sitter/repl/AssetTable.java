package dev.sitter.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders assets as a plain text table: id, seed, size, cost, path. */
final class AssetTable {
    private AssetTable() {}

    static String render(List<AssetView> assets) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "seed", "size", "cost", "path"});
        for (AssetView a : assets) {
            rows.add(new String[] {
                a.shortId(),
                a.seed() == null ? "" : a.seed().toString(),
                a.size(),
                a.cost() == null ? "" : String.format(Locale.ROOT, "%.2f", a.cost()),
                a.path() == null ? "" : a.path().toString()});
        }
        int[] width = new int[5];
        for (String[] r : rows) for (int i = 0; i < 5; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                // Numbers right-aligned so seeds and costs line up; text left-aligned.
                boolean right = i == 1 || i == 3;
                String cell = right ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(cell).append(i < 4 ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
