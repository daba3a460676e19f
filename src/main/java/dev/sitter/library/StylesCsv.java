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
        return readWithNotes(text, source).blocks();
    }

    /**
     * The styles of a styles.csv and what the import changes or leaves out, one line each, for the
     * user: rows with neither prompt nor negative prompt (skipped), and {@code {prompt}}
     * placeholders with tokens before them (A1111 puts those before the user's prompt; Sitter puts
     * the character first and every style token after it).
     */
    public record Import(List<PromptBlock> blocks, List<String> notes) {}

    public static Import readWithNotes(String text, String source) {
        List<String> notes = new ArrayList<>();
        List<PromptBlock> blocks = new ArrayList<>();
        for (PromptBlock b : parse(text, source, notes)) blocks.add(b);
        return new Import(blocks, notes);
    }

    private static List<PromptBlock> parse(String text, String source, List<String> notes) {
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
            PromptBlock b = new PromptBlock(n, cell(r, prompt).strip(), cell(r, neg).strip());
            String where = source + " row " + (i + 1) + " ('" + n.replace('\n', ' ') + "')";
            if (tokenList(b.prompt()).isEmpty() && tokenList(b.negativePrompt()).isEmpty()) {
                notes.add(where + " has no tokens (prompt and negative prompt empty, or only {prompt}); skipped");
                continue;
            }
            String before = beforePlaceholder(b.prompt());
            if (before != null) {
                notes.add(where + ": A1111 puts '" + before + "' before the user's prompt ({prompt}); Sitter starts every"
                        + " prompt with the character, so style '" + dslId(n) + "' has these tokens after it (the placeholder is dropped)");
            }
            out.add(b);
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
        List<String> styleTokens = tokenList(b.prompt());
        if (!styleTokens.isEmpty()) {
            String before = beforePlaceholder(b.prompt());
            if (before != null) {
                sb.append("// A1111 put '").append(before.replace('\n', ' '))
                        .append("' before the user's prompt ({prompt}); Sitter puts the character first, these tokens after it.\n");
            }
            sb.append("style(").append(quote(id)).append(") {\n");
            sb.append("    tokens ").append(String.join(", ", styleTokens)).append('\n');
            sb.append("}\n");
        }
        if (!tokenList(b.negativePrompt()).isEmpty()) {
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
        List<String> t = tokenList(text);
        return t.isEmpty() ? "''" : String.join(", ", t);
    }

    /** The comma-separated tokens, quoted for the DSL, A1111's {prompt} placeholder left out. */
    private static List<String> tokenList(String text) {
        List<String> t = new ArrayList<>();
        if (text == null) return t;
        for (String s : text.replace(PLACEHOLDER, ",").split(",")) {
            String x = s.strip().replaceAll("\\s+", " ");
            if (!x.isEmpty()) t.add(quote(x));
        }
        return t;
    }

    private static final String PLACEHOLDER = "{prompt}";

    /** The style text A1111 puts before the user's prompt, or null when there is none. */
    private static String beforePlaceholder(String text) {
        int at = text == null ? -1 : text.indexOf(PLACEHOLDER);
        if (at < 0) return null;
        String before = text.substring(0, at).strip().replaceAll("[\\s,]+$", "").strip();
        return before.isEmpty() ? null : before;
    }

    /** A Groovy single-quoted string: no interpolation, backslash and quote escaped. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String cell(List<String> r, int i) { return i >= 0 && i < r.size() ? r.get(i) : ""; }

    private static String nz(String s) { return s == null ? "" : s; }
}
