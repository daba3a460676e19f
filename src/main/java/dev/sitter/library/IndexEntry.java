package dev.sitter.library;

import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;

import java.math.BigDecimal;

/**
 * One line of the library index: the few fields {@code ls}/{@code find} filter on, so a query
 * never opens the records. Derived from the record; {@code verify} checks they agree.
 */
public record IndexEntry(String assetId, String recordedAt, String character, String style, String template,
                         String model, Long seed, String step, String parentId, String qa,
                         BigDecimal cost, String costUnit, String backend) {

    static final int FIELDS = 13;

    public static IndexEntry of(Provenance p) {
        PromptSpec r = p.request();
        return new IndexEntry(p.assetId(), p.times().recordedAt(), r.recipe().characterId(), r.recipe().styleId(),
                r.recipe().templateId(), r.modelName() != null ? r.modelName() : r.modelId(), p.seed(), p.step(),
                p.parentId(), p.qaStatus(), p.cost() == null ? null : p.cost().amount(),
                p.cost() == null ? null : p.cost().unit(), p.backend() == null ? null : p.backend().kind());
    }

    /** The tab-separated line, with its line end. Tabs and line breaks inside values become spaces. */
    String toLine() {
        StringBuilder sb = new StringBuilder(160);
        Object[] f = {assetId, recordedAt, character, style, template, model, seed, step, parentId, qa,
                cost == null ? null : cost.toPlainString(), costUnit, backend};
        for (int i = 0; i < f.length; i++) {
            if (i > 0) sb.append('\t');
            if (f[i] != null) sb.append(clean(f[i].toString()));
        }
        return sb.append('\n').toString();
    }

    /** Parses a line (without its line end); null if it is not a complete line of this version. */
    static IndexEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS || f[0].length() != 64) return null;
        try {
            return new IndexEntry(f[0], nz(f[1]), nz(f[2]), nz(f[3]), nz(f[4]), nz(f[5]),
                    f[6].isEmpty() ? null : Long.valueOf(f[6]), nz(f[7]), nz(f[8]), nz(f[9]),
                    f[10].isEmpty() ? null : new BigDecimal(f[10]), nz(f[11]), nz(f[12]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The date part (yyyy-mm-dd) of recordedAt. */
    public String day() { return recordedAt == null || recordedAt.length() < 10 ? "" : recordedAt.substring(0, 10); }

    private static String nz(String s) { return s.isEmpty() ? null : s; }

    private static String clean(String s) {
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s
                : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
