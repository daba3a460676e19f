package dev.sitter.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The console with no terminal: {@code sitter < session.groovy}. Reads inputs from a stream with the
 * same continuation rules as the interactive parser, prints results with no prompt and no ANSI, and
 * exits non-zero if any input failed, so it serves scripts and tests.
 */
final class PipedConsole {
    private PipedConsole() {}

    static int run(BufferedReader in, ConsoleCore core, PrintWriter err) throws IOException {
        // select by: 'ask' reads its answer from the next input line, while the run waits for it.
        core.setAnswers(prompt -> in.readLine(), false);
        core.start(false);
        StringBuilder buffer = new StringBuilder();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (buffer.length() > 0) buffer.append('\n');
                buffer.append(line);
                if (!ReplParser.isComplete(buffer.toString())) continue;
                String input = buffer.toString();
                buffer.setLength(0);
                if (!core.handle(input)) return core.anyFailed() ? 1 : 0;
            }
            if (!buffer.toString().isBlank()) {
                // Input ended inside a bracket or string: evaluate it anyway so the compiler says where.
                core.handle(buffer.toString());
            }
        } finally {
            core.close();
            err.flush();
        }
        return core.anyFailed() ? 1 : 0;
    }
}
