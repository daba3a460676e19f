package dev.sitter.imaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AUTOMATIC1111 "parameters" text, which A1111, InvokeAI, civitai and most image viewers
 * show as prompt / negative / settings:
 * <pre>
 * prompt text
 * Negative prompt: negative text
 * Steps: 30, CFG scale: 7, Seed: 1234, Size: 832x1216, Model: Leonardo Kino XL
 * </pre>
 * Values containing a comma, colon or newline are JSON-quoted, as A1111's {@code quote()} does.
 * Only settings Sitter knows go in; nothing is invented (no Sampler for Leonardo images).
 */
public final class A1111Parameters {
    private static final Pattern PARAM = Pattern.compile("\\s*([\\w ]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)");

    private A1111Parameters() {}

    /** Formats prompt, negative (may be null) and settings (null values skipped) the way A1111 does. */
    public static String format(String prompt, String negative, Map<String, ?> settings) {
        StringBuilder sb = new StringBuilder(prompt == null ? "" : prompt);
        if (negative != null && !negative.isBlank()) sb.append("\nNegative prompt: ").append(negative);
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            if (e.getValue() == null) continue;
            if (params.length() > 0) params.append(", ");
            String v = String.valueOf(e.getValue());
            params.append(e.getKey().equals(v) ? v : e.getKey() + ": " + quote(v));
        }
        sb.append('\n').append(params);
        return sb.toString().strip();
    }

    /** A1111's quote(): JSON string quoting for values that would break the comma list. */
    static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('\n') < 0 && v.indexOf(':') < 0) return v;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** What a parameters text says, parsed back the way A1111's "PNG Info" tab does. */
    public record Parsed(String prompt, String negative, Map<String, String> settings) {}

    public static Parsed parse(String text) {
        String[] lines = text.strip().split("\n", -1);
        int last = lines.length - 1;
        Map<String, String> settings = new LinkedHashMap<>();
        String settingsLine = lines[last];
        Matcher m = PARAM.matcher(settingsLine);
        int found = 0;
        while (m.find() && !m.group(0).isEmpty()) {
            String v = m.group(2).strip();
            if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) v = unquote(v);
            settings.put(m.group(1).strip(), v);
            found++;
        }
        if (found < 3 || lines.length == 1 && !settingsLine.contains("Steps:") && !settingsLine.contains("Seed:")) {
            settings.clear();
            last = lines.length;
        }
        StringBuilder prompt = new StringBuilder();
        StringBuilder negative = null;
        for (int i = 0; i < last; i++) {
            String line = lines[i];
            if (negative == null && line.startsWith("Negative prompt:")) {
                negative = new StringBuilder(line.substring("Negative prompt:".length()).strip());
            } else if (negative != null) {
                negative.append('\n').append(line);
            } else {
                if (prompt.length() > 0) prompt.append('\n');
                prompt.append(line);
            }
        }
        return new Parsed(prompt.toString(), negative == null ? null : negative.toString(), settings);
    }

    private static String unquote(String q) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c != '\\' || i + 1 >= q.length() - 1) { sb.append(c); continue; }
            char n = q.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> { sb.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16)); i += 4; }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }
}
