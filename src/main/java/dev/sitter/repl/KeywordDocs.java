package dev.sitter.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyword help read from {@code docs/keywords.md}, the one source the README links to and the
 * console shows ({@code /help WORD}, Tab descriptions, the hint while typing). The build copies the
 * file into the jar next to this class, so the docs cannot drift from the console.
 */
final class KeywordDocs {
    /**
     * One keyword.
     *
     * @param kind      "definition", "command", or the blocks it is used in ("character", "style, camera")
     * @param usage     an example line
     * @param namedArgs the named arguments it takes, without the colon
     */
    record Entry(String word, String kind, String usage, String description, List<String> namedArgs) {
        /** The kinds, e.g. ["command", "pipeline"] for a command that is also a pipeline step. */
        List<String> kinds() { return List.of(kind.split(",\\s*")); }

        boolean isCommand() { return kinds().contains("command"); }

        boolean isDefinition() { return kinds().contains("definition"); }

        /** Whether the keyword is used inside the block of the given keyword ("character", "anchors", ...). */
        boolean usedIn(String block) { return kinds().contains(block); }

        /** What {@code /help WORD} prints. */
        String help() {
            StringBuilder sb = new StringBuilder();
            sb.append(word).append(" (").append(kind).append(")\n  ").append(usage).append("\n\n");
            sb.append(wrap(description, 78, "  ")).append('\n');
            if (!namedArgs.isEmpty()) {
                sb.append("\n  named arguments: ");
                sb.append(String.join(", ", namedArgs.stream().map(a -> a + ":").toList())).append('\n');
            }
            return sb.toString();
        }

        /** The first sentence, for a one-line hint. */
        String summary() {
            int dot = description.indexOf(". ");
            return dot < 0 ? description : description.substring(0, dot + 1);
        }
    }

    private static final Pattern HEADING = Pattern.compile("^## (\\S+) — (.+)$");
    private static final Pattern NAMED_ARG = Pattern.compile("`(\\w+):`");
    private static volatile KeywordDocs bundled;

    private final Map<String, Entry> entries;

    KeywordDocs(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The docs packed into the jar; read once, lazily (the console reads them after the first prompt). */
    static KeywordDocs bundled() {
        KeywordDocs d = bundled;
        if (d == null) {
            try (InputStream in = KeywordDocs.class.getResourceAsStream("keywords.md")) {
                if (in == null) throw new IllegalStateException("keywords.md is missing from the jar; rebuild with mvn package");
                d = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = d;
        }
        return d;
    }

    static KeywordDocs parse(String markdown) {
        Map<String, Entry> out = new LinkedHashMap<>();
        String word = null, kind = null, usage = null;
        StringBuilder desc = new StringBuilder();
        List<String> args = new ArrayList<>();
        for (String line : (markdown + "\n## end — end").split("\n")) {
            Matcher h = HEADING.matcher(line.strip());
            if (h.matches()) {
                if (word != null) out.put(word, new Entry(word, kind, usage == null ? word : usage, desc.toString().strip(), List.copyOf(args)));
                word = h.group(1);
                kind = h.group(2).strip();
                usage = null;
                desc.setLength(0);
                args.clear();
            } else if (word != null) {
                String l = line.strip();
                if (usage == null && l.startsWith("`") && l.endsWith("`") && l.length() > 1) {
                    usage = l.substring(1, l.length() - 1);
                } else if (l.startsWith("Named arguments:")) {
                    Matcher m = NAMED_ARG.matcher(l);
                    while (m.find()) args.add(m.group(1));
                } else if (!l.isEmpty()) {
                    desc.append(l.replace("`", "")).append(' ');
                }
            }
        }
        return new KeywordDocs(out);
    }

    Entry get(String word) { return entries.get(word); }

    Map<String, Entry> all() { return entries; }

    static String wrap(String text, int width, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int col = indent.length();
        for (String w : text.split("\\s+")) {
            if (col + w.length() + 1 > width && col > indent.length()) {
                sb.append('\n').append(indent);
                col = indent.length();
            } else if (col > indent.length()) {
                sb.append(' ');
                col++;
            }
            sb.append(w);
            col += w.length();
        }
        return sb.toString();
    }
}
