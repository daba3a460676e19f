package dev.sitter.repl;

import dev.sitter.repl.GroovyLexer.Kind;
import dev.sitter.repl.GroovyLexer.Token;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tab completion from what the console already knows: the keyword docs, the slash commands, the
 * engine's defined ids and variables, this session's asset ids, a cached list of model names and the
 * file system. It reads the buffer's tokens only; it never evaluates anything and never calls the network.
 */
final class ReplCompleter implements Completer {
    /** What completion may read; every method must be cheap and side-effect free. */
    interface Sources {
        Map<String, List<String>> definitions();

        Set<String> variables();

        List<String> assetIds();

        List<String> modelNames();

        Path workDir();
    }

    private final KeywordDocsHolder docs;
    private final Sources sources;

    ReplCompleter(KeywordDocsHolder docs, Sources sources) {
        this.docs = docs;
        this.sources = sources;
    }

    /** Keyword docs are read lazily so that building the completer costs nothing before the first prompt. */
    interface KeywordDocsHolder { KeywordDocs get(); }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        complete(line.line(), line.cursor(), line.wordIndex(), line.words(), out);
    }

    void complete(String buffer, int cursor, int wordIndex, List<String> words, List<Candidate> out) {
        if (ReplParser.isSlashCommand(buffer) || buffer.strip().equals("/")) {
            slash(wordIndex, words, out);
            return;
        }
        List<Token> tokens = GroovyLexer.tokens(buffer.substring(0, cursor));
        List<Token> code = tokens.stream().filter(t -> t.kind() != Kind.SPACE && t.kind() != Kind.NEWLINE && t.kind() != Kind.COMMENT).toList();
        Token current = code.isEmpty() ? null : code.get(code.size() - 1);
        boolean inString = current != null && current.kind() == Kind.STRING && !current.closed() && current.end() == cursor;
        boolean inWord = current != null && current.kind() == Kind.IDENT && current.end() == cursor;
        List<Token> before = (inString || inWord) ? code.subList(0, code.size() - 1) : code;
        String key = argumentKey(before);
        if (inString) {
            stringValue(key, current.text().substring(current.quote().length()), out);
            return;
        }
        if (key != null && !before.isEmpty() && before.get(before.size() - 1).is(':')) {
            quotedValue(key, out);
            return;
        }
        String command = statementCommand(code);
        String block = enclosingBlock(before);
        KeywordDocs d = docs.get();
        if (command != null && before.size() > 0 && !before.get(before.size() - 1).kind().equals(Kind.IDENT)) {
            KeywordDocs.Entry e = d.get(command);
            if (e != null && !before.get(before.size() - 1).is('=')) {
                for (String a : e.namedArgs()) out.add(new Candidate(a + ":", a + ":", "named arguments", null, null, null, true));
            }
        }
        for (KeywordDocs.Entry e : d.all().values()) {
            boolean fits = block == null ? (e.isCommand() || e.isDefinition()) : e.usedIn(block);
            if (fits) out.add(new Candidate(e.word(), e.word(), "keywords", e.summary(), null, null, true));
        }
        for (Map.Entry<String, List<String>> kind : sources.definitions().entrySet()) {
            for (String id : kind.getValue()) {
                // No space after an id: what follows is usually a comma, a dot or a bracket.
                if (isIdentifier(id)) out.add(new Candidate(id, id, kind.getKey() + "s", null, null, null, false));
            }
        }
        for (String v : sources.variables()) out.add(new Candidate(v, v, "variables", null, null, null, false));
    }

    private void slash(int wordIndex, List<String> words, List<Candidate> out) {
        if (wordIndex == 0) {
            for (SlashCommand c : SlashCommand.ALL.values()) {
                out.add(new Candidate("/" + c.name(), "/" + c.name(), "commands", c.summary(), null, null, true));
            }
            return;
        }
        SlashCommand c = SlashCommand.find(words.get(0).substring(1));
        if (c == null || wordIndex > 2) return;
        switch (c.arg()) {
            case FILE -> files(words.get(wordIndex), false, out);
            case KEYWORD -> {
                for (KeywordDocs.Entry e : docs.get().all().values()) out.add(new Candidate(e.word(), e.word(), "keywords", e.summary(), null, null, true));
                for (SlashCommand s : SlashCommand.ALL.values()) out.add(new Candidate(s.name(), s.name(), "commands", s.summary(), null, null, true));
            }
            case ASSET -> sources.assetIds().forEach(id -> out.add(new Candidate(id, id, "assets", null, null, null, true)));
            case SEED -> {
                if (wordIndex == 1) SlashCommand.SEED_ACTIONS.forEach(a -> out.add(new Candidate(a, a, null, null, null, null, true)));
            }
            case ON_OFF -> List.of("on", "off").forEach(a -> out.add(new Candidate(a, a, null, null, null, null, true)));
            default -> { }
        }
    }

    /** Candidates inside an open string: ids, enum values, model names or paths, by what the string is for. */
    private void stringValue(String key, String typed, List<Candidate> out) {
        if (key == null) {
            for (List<String> ids : sources.definitions().values()) ids.forEach(id -> out.add(plain(id, "ids")));
            return;
        }
        if (DslVocabulary.PATH_ARGUMENT.contains(key)) {
            files(typed, true, out);
            return;
        }
        values(key).forEach(v -> out.add(plain(v, key)));
    }

    /** After {@code key: } with nothing typed: the values, quoted. */
    private void quotedValue(String key, List<Candidate> out) {
        if (key.equals("character")) {
            sources.definitions().getOrDefault("character", List.of()).stream().filter(ReplCompleter::isIdentifier)
                    .forEach(id -> out.add(plain(id, "characters")));
            return;
        }
        values(key).forEach(v -> out.add(plain("'" + v + "'", key)));
    }

    private List<String> values(String key) {
        String kind = DslVocabulary.ID_ARGUMENT.get(key);
        if (kind != null) return sources.definitions().getOrDefault(kind, List.of());
        return switch (key) {
            case "preset" -> DslVocabulary.PRESETS;
            case "strength" -> DslVocabulary.STRENGTHS;
            case "pose" -> DslVocabulary.POSES;
            case "mode" -> DslVocabulary.UPSCALE_MODES;
            case "model" -> sources.modelNames();
            default -> List.of();
        };
    }

    /**
     * What the value being typed is for: the named-argument key before it ({@code template: }), or
     * the keyword it follows ({@code style 'no}, {@code image('a}), or null.
     */
    static String argumentKey(List<Token> before) {
        int n = before.size();
        if (n == 0) return null;
        Token last = before.get(n - 1);
        if (last.is(':') && n >= 2 && before.get(n - 2).kind() == Kind.IDENT) return before.get(n - 2).text();
        if (last.is('(') && n >= 2 && before.get(n - 2).kind() == Kind.IDENT) return before.get(n - 2).text();
        if (last.kind() == Kind.IDENT) return last.text();
        return null;
    }

    /** The generating or other command this statement starts with ({@code generate mara, }), or null. */
    private String statementCommand(List<Token> code) {
        int start = 0;
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).is(';') || code.get(i).is('{') || code.get(i).is('}')) start = i + 1;
        }
        for (int i = start; i < code.size(); i++) {
            Token t = code.get(i);
            if (t.kind() != Kind.IDENT) continue;
            if (t.text().equals("def") || (i + 1 < code.size() && code.get(i + 1).is('='))) continue;
            KeywordDocs.Entry e = docs.get().get(t.text());
            return e != null && e.isCommand() ? t.text() : null;
        }
        return null;
    }

    /** The definition or block keyword whose {@code { }} encloses the cursor (character, anchors, style ...), or null. */
    private static String enclosingBlock(List<Token> before) {
        List<String> stack = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            Token t = before.get(i);
            if (t.is('{')) stack.add(0, blockName(before, i));
            else if (t.is('}') && !stack.isEmpty()) stack.remove(0);
        }
        return stack.isEmpty() ? null : stack.get(0);
    }

    private static String blockName(List<Token> code, int brace) {
        // character('mara') {  /  character 'mara', {  /  anchors {
        for (int j = brace - 1; j >= 0 && j >= brace - 6; j--) {
            Token t = code.get(j);
            if (t.kind() == Kind.IDENT && (j == 0 || code.get(j - 1).is(';') || code.get(j - 1).is('{')
                    || code.get(j - 1).kind() == Kind.NEWLINE)) return t.text();
            if (t.kind() == Kind.IDENT && j == brace - 1) return t.text();
        }
        for (int j = brace - 1; j >= 0; j--) if (code.get(j).kind() == Kind.IDENT) return code.get(j).text();
        return null;
    }

    private void files(String typed, boolean inString, List<Candidate> out) {
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path dir = sources.workDir().resolve(dirPart.isEmpty() ? "." : dirPart);
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            int count = 0;
            for (Path p : ds) {
                if (++count > 500) break;
                String name = p.getFileName().toString();
                if (name.startsWith(".") && !typed.substring(dirPart.length()).startsWith(".")) continue;
                boolean isDir = Files.isDirectory(p);
                String value = dirPart + name + (isDir ? "/" : "");
                out.add(new Candidate(value, name + (isDir ? "/" : ""), isDir ? "directories" : "files", null, null, null, !isDir));
            }
        } catch (IOException e) {
            // An unreadable directory just offers nothing.
        }
    }

    private static Candidate plain(String value, String group) {
        return new Candidate(value, value, group, null, null, null, true);
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        return true;
    }

    static Collection<String> wordsOf(List<Candidate> cs) { return cs.stream().map(Candidate::value).toList(); }
}
