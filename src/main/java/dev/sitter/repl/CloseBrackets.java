package dev.sitter.repl;

import org.jline.reader.Buffer;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/**
 * Typing a closing bracket in the console. JLine's own widget for it takes indentation away
 * before the bracket wherever it is typed, so {@code size 512, 768 }} became {@code 768}} in the
 * input (and in what /save writes). Here a closer only dedents when it is the first thing on its
 * line, as editors do.
 */
final class CloseBrackets {
    private CloseBrackets() {}

    static void install(LineReader reader, int indentation) {
        for (String closer : new String[] {"}", ")", "]"}) {
            String name = "sitter-close-" + (int) closer.charAt(0);
            reader.getWidgets().put(name, () -> {
                Buffer buf = reader.getBuffer();
                int remove = toRemove(buf.upToCursor(), indentation);
                if (remove > 0) buf.backspace(remove);
                buf.write(closer);
                return true;
            });
            reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(name), closer);
        }
    }

    /**
     * How many spaces to take away before a closer typed after {@code before} (the input up to the
     * cursor): up to one indentation step, and only when the current line holds nothing but spaces.
     */
    static int toRemove(String before, int indentation) {
        String line = before.substring(before.lastIndexOf('\n') + 1);
        if (line.isEmpty() || !line.isBlank()) return 0;
        int spaces = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == ' ' && spaces < indentation; i--) spaces++;
        return spaces;
    }
}
