package dev.sitter.repl;

import dev.sitter.repl.GroovyLexer.Kind;
import dev.sitter.repl.GroovyLexer.Token;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

import java.util.List;

/**
 * A one-line description of the keyword being typed, in the terminal's status bar: after
 * {@code generate mara, } it shows generate's usage and named arguments. It wraps the
 * self-insert and delete widgets; the text comes from the keyword docs (the README's source).
 */
final class KeywordHint {
    private final LineReader reader;
    private final Terminal terminal;
    private final ReplCompleter.KeywordDocsHolder docs;
    private String shown = "";

    KeywordHint(LineReader reader, Terminal terminal, ReplCompleter.KeywordDocsHolder docs) {
        this.reader = reader;
        this.terminal = terminal;
        this.docs = docs;
    }

    void install() {
        for (String name : List.of(LineReader.SELF_INSERT, LineReader.BACKWARD_DELETE_CHAR, LineReader.DELETE_CHAR)) {
            Widget wrapped = () -> {
                reader.callWidget("." + name);
                update();
                return true;
            };
            reader.getWidgets().put(name, wrapped);
        }
    }

    void clear() { show(""); }

    private void update() {
        String buffer = reader.getBuffer().toString();
        show(hintFor(buffer, reader.getBuffer().cursor()));
    }

    /** The hint for a buffer and cursor: the nearest keyword before the cursor that the docs know, or "". */
    String hintFor(String buffer, int cursor) {
        String upTo = buffer.substring(0, Math.min(cursor, buffer.length()));
        if (ReplParser.isSlashCommand(upTo)) {
            String word = upTo.strip().split("\\s+")[0].substring(1);
            SlashCommand c = word.isEmpty() ? null : SlashCommand.find(word);
            return c == null ? "" : c.usage() + "  -  " + c.summary();
        }
        List<Token> tokens = GroovyLexer.tokens(upTo);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.IDENT) continue;
            KeywordDocs.Entry e = docs.get().get(t.text());
            if (e == null) continue;
            String named = e.namedArgs().isEmpty() ? "" : "   [" + String.join(": ", e.namedArgs()) + ":]";
            return e.word() + ": " + e.usage() + named + "  -  " + e.summary();
        }
        return "";
    }

    private void show(String text) {
        if (text.equals(shown)) return;
        shown = text;
        Status status = Status.getStatus(terminal, !text.isEmpty());
        if (status == null) return;
        int width = Math.max(20, terminal.getWidth() - 1);
        String line = text.length() > width ? text.substring(0, width - 1) + "…" : text;
        status.update(text.isEmpty() ? List.of() : List.of(new AttributedString(line, AttributedStyle.DEFAULT.faint())));
    }
}
