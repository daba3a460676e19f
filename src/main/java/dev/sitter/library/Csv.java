package dev.sitter.library;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF row ends. */
public final class Csv {
    private Csv() {}

    public static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }

    /**
     * Parses a whole CSV text into rows. A final row without its line end is kept. Lenient on
     * bare LF line ends (spreadsheets and editors write them).
     *
     * @throws IllegalArgumentException on an unterminated quoted field, naming the row
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, fieldStarted = false;
        int i = 0, n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') i = 1; // spreadsheet BOM
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                    else quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true; fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString()); field.setLength(0); fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString()); field.setLength(0);
                rows.add(row); row = new ArrayList<>(); fieldStarted = false;
            } else {
                field.append(c); fieldStarted = true;
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quoted field in row " + (rows.size() + 1));
        if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
