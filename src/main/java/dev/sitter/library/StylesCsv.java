package dev.sitter.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AUTOMATIC1111 / InvokeAI {@code styles.csv} ({@code name,prompt,negative_prompt}) to and from
 * plain prompt blocks, and a block to Sitter DSL text. The only place that knows either format.
 */
public final class StylesCsv {
    public static final List<String> HEADER = List.of("name", "prompt", "negative_prompt");

    /** One style row, free of any DSL: a name, prompt text and negative text (may be empty). */
    public record PromptBlock(String name, String prompt, String negativePrompt) {}

    private StylesCsv() {}

    public static String write(List<PromptBlock> blocks) {
        StringBuilder sb = new StringBuilder(Csv.row(HEADER));
        for (PromptBlock b : blocks) sb.append(Csv.row(List.of(b.name(), nz(b.prompt()), nz(b.negativePrompt()))));
        return sb.toString();
    }

    /**
     * Parses a styles.csv. The header decides column order (A1111 writes name,prompt,negative_prompt;
     * extra columns are ignored); rows without a name are skipped.
     *
     * @param source file name for messages
     */
    public static List<PromptBlock> read(String text, String source) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LibraryException(source + " is not valid CSV: " + e.getMessage() + ".");
        }
        if (rows.isEmpty()) return List.of();
        List<String> head = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int name = head.indexOf("name"), prompt = head.indexOf("prompt"), neg = head.indexOf("negative_prompt");
        if (name < 0 || prompt < 0) {
            throw new LibraryException(source + " row 1 must be a header with at least 'name' and 'prompt' columns "
                    + "(A1111 writes: name,prompt,negative_prompt); found: " + String.join(",", rows.get(0)) + ".");
        }
        List<PromptBlock> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String n = cell(r, name).strip();
            if (n.isEmpty()) continue;
            out.add(new PromptBlock(n, cell(r, prompt).strip(), cell(r, neg).strip()));
        }
        return out;
    }

    /** A DSL id made from a style name: lowercase letters, digits and dashes. */
    public static String dslId(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return id.isEmpty() ? "style" : id;
    }

    /**
     * The block as DSL text: a {@code style} with the prompt's comma-separated tokens (A1111's
     * {@code {prompt}} placeholder dropped, since Sitter places the subject itself) and, when there
     * is a negative prompt, a {@code negatives} block of the same id.
     */
    public static String toDsl(PromptBlock b) {
        String id = dslId(b.name());
        StringBuilder sb = new StringBuilder();
        sb.append("// Imported from styles.csv: ").append(b.name().replace('\n', ' ')).append('\n');
        sb.append("style(").append(quote(id)).append(") {\n");
        sb.append("    tokens ").append(tokens(b.prompt().replace("{prompt}", ""))).append('\n');
        sb.append("}\n");
        if (b.negativePrompt() != null && !b.negativePrompt().isBlank()) {
            sb.append("negatives(").append(quote(id)).append(") {\n");
            sb.append("    tokens ").append(tokens(b.negativePrompt())).append('\n');
            sb.append("}\n");
        }
        return sb.toString();
    }

    /** Groups blocks by DSL id, so two names that map to one id are detected. */
    public static Map<String, PromptBlock> byId(List<PromptBlock> blocks) {
        Map<String, PromptBlock> out = new LinkedHashMap<>();
        for (PromptBlock b : blocks) {
            PromptBlock clash = out.putIfAbsent(dslId(b.name()), b);
            if (clash != null) {
                throw new LibraryException("styles '" + clash.name() + "' and '" + b.name() + "' both become DSL id '"
                        + dslId(b.name()) + "'; rename one of them in the CSV.");
            }
        }
        return out;
    }

    private static String tokens(String text) {
        List<String> t = new ArrayList<>();
        for (String s : text.split(",")) {
            String x = s.strip().replaceAll("\\s+", " ");
            if (!x.isEmpty()) t.add(quote(x));
        }
        return t.isEmpty() ? "''" : String.join(", ", t);
    }

    /** A Groovy single-quoted string: no interpolation, backslash and quote escaped. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String cell(List<String> r, int i) { return i >= 0 && i < r.size() ? r.get(i) : ""; }

    private static String nz(String s) { return s == null ? "" : s; }
}
