package dev.sitter.library;

import dev.sitter.model.Provenance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ledger.csv}: one RFC 4180 row per recorded asset, for spreadsheets and accounting.
 * Rows are appended when an asset is recorded; {@link #setPrice} rewrites the file atomically.
 */
public final class Ledger {
    public static final List<String> COLUMNS = List.of("asset_id", "date", "character", "step", "prompt", "seed",
            "model", "render_cost", "cost_unit", "final_asset_price");

    /** One row, as text; empty strings are empty cells. */
    public record Row(String assetId, String date, String character, String step, String prompt, String seed,
                      String model, String renderCost, String costUnit, String finalAssetPrice) {
        static Row of(Provenance p) {
            return new Row(p.assetId(), p.times().recordedAt(), nz(p.request().recipe().characterId()), nz(p.step()),
                    nz(p.request().prompt()), p.seed() == null ? "" : p.seed().toString(),
                    nz(p.request().modelName() != null ? p.request().modelName() : p.request().modelId()),
                    p.cost() == null || p.cost().amount() == null ? "" : p.cost().amount().toPlainString(),
                    p.cost() == null ? "" : nz(p.cost().unit()), "");
        }

        List<String> cells() {
            return List.of(assetId, date, character, step, prompt, seed, model, renderCost, costUnit, finalAssetPrice);
        }

        static Row of(List<String> c) {
            return new Row(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7), c.get(8), c.get(9));
        }

        /** The day (yyyy-mm-dd) of {@code date}. */
        public String day() { return date.length() >= 10 ? date.substring(0, 10) : date; }

        private static String nz(String s) { return s == null ? "" : s; }
    }

    private final Path file;

    Ledger(Path file) { this.file = file; }

    public Path file() { return file; }

    long length() throws IOException { return Files.exists(file) ? Files.size(file) : 0; }

    void append(Row row) throws IOException {
        String text = Csv.row(row.cells());
        if (!Files.exists(file) || Files.size(file) == 0) text = Csv.row(COLUMNS) + text;
        DurableFiles.append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every row. */
    public List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new LibraryException(file + " is not valid CSV (" + e.getMessage() + "); run 'sitter verify'.");
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (i == 0 && !r.isEmpty() && r.get(0).equals(COLUMNS.get(0))) continue;
            if (r.size() == 1 && r.get(0).isEmpty()) continue;
            if (r.size() != COLUMNS.size()) {
                throw new LibraryException(file + " row " + (i + 1) + " has " + r.size() + " cells, expected "
                        + COLUMNS.size() + "; fix or remove that row, then run 'sitter verify'.");
            }
            out.add(Row.of(r));
        }
        return out;
    }

    /** Sets final_asset_price of one asset's row(s); the caller holds the library lock. */
    boolean setPrice(String assetId, BigDecimal price) throws IOException {
        List<Row> rows = rows();
        boolean found = false;
        StringBuilder sb = new StringBuilder(Csv.row(COLUMNS));
        for (Row r : rows) {
            if (r.assetId().equals(assetId)) {
                r = new Row(r.assetId(), r.date(), r.character(), r.step(), r.prompt(), r.seed(), r.model(),
                        r.renderCost(), r.costUnit(), price.toPlainString());
                found = true;
            }
            sb.append(Csv.row(r.cells()));
        }
        if (found) DurableFiles.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        return found;
    }
}
