package dev.sitter.repl;

import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The interactive console on a JLine terminal: prompt, multi-line input, completion, highlighting,
 * history, a keyword hint and a progress line in the status bar, Ctrl-C to stop waiting, Ctrl-D to exit.
 */
final class Console {
    static final String PROMPT = "sitter> ";

    private final Terminal terminal;
    private final ReplOptions options;
    private final Supplier<ReplEngine> engineFactory;
    private final ProgressBoard progress;
    private volatile boolean interrupted;
    private volatile boolean asking;
    private ConsoleCore core;

    Console(Terminal terminal, ReplOptions options, Supplier<ReplEngine> engineFactory, ProgressBoard progress) {
        this.terminal = terminal;
        this.options = options;
        this.engineFactory = engineFactory;
        this.progress = progress;
    }

    /** Runs until /exit or Ctrl-D; returns the exit code (0: the console itself never fails a session). */
    int run() throws IOException {
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        Paint paint = dumb ? Paint.NONE : Paint.ANSI;
        PrintWriter out = terminal.writer();
        core = new ConsoleCore(options, engineFactory, progress, out, out, paint,
                dumb ? InlineImages.NONE : InlineImages.detect(options.env()), new Random());

        KeywordDocs[] docs = new KeywordDocs[1];
        ReplCompleter.KeywordDocsHolder docsHolder = () -> {
            if (docs[0] == null) docs[0] = KeywordDocs.bundled();
            return docs[0];
        };
        Supplier<Set<String>> keywords = () -> docsHolder.get().all().keySet();
        Supplier<Set<String>> ids = () -> {
            Set<String> s = ReplHighlighter.flatten(core.definitions());
            s.addAll(core.variables());
            return s;
        };
        History history = new KeySafeHistory(options.env().get("LEONARDO_API_KEY"));
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("sitter")
                .parser(new ReplParser())
                .completer(new ReplCompleter(docsHolder, core))
                .highlighter(new ReplHighlighter(keywords, ids))
                .history(history)
                .variable(LineReader.HISTORY_FILE, options.home().resolve("history"))
                .variable(LineReader.HISTORY_SIZE, 2000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                // Right-aligned under "sitter> ": the missing closers, e.g. "     }> " or "    )}> ".
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P %M> ")
                .variable(LineReader.INDENTATION, 2)
                .variable(LineReader.LIST_MAX, 200)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        CloseBrackets.install(reader, 2);
        KeywordHint hint = new KeywordHint(reader, terminal, docsHolder);
        hint.install();
        // The engine (Groovy, the DSL, the starter blocks) starts when the first prompt is about to be
        // drawn, not before: building the reader and drawing the prompt get the CPU first.
        boolean[] started = {false};
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            if (!started[0]) {
                started[0] = true;
                core.start(true);
            }
            return true;
        });

        core.setNotifier(s -> reader.printAbove(s));
        core.setHistory(() -> {
            List<String> lines = new ArrayList<>();
            history.forEach(e -> lines.add(e.line()));
            return lines;
        });
        core.setWaiter(this::await);
        // select by: 'ask' reads the numbers on a plain reader of its own (no completion or history of
        // code); Ctrl-C there cancels the run instead of detaching it. The progress line pauses meanwhile.
        LineReader answers = LineReaderBuilder.builder().terminal(terminal).appName("sitter-pick").build();
        core.setAnswers(prompt -> {
            asking = true;
            try {
                return answers.readLine(prompt);
            } catch (UserInterruptException e) {
                throw new dev.sitter.pipeline.WinnerPicker.Cancelled();
            } catch (EndOfFileException e) {
                return null;
            } finally {
                asking = false;
            }
        }, true);
        terminal.handle(Terminal.Signal.INT, s -> interrupted = true);

        if (!dumb) out.println(paint.dim("Sitter console - /help for commands, Tab to complete, Ctrl-D to exit"));
        out.flush();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt clears the line, as in a shell
                } catch (EndOfFileException e) {
                    break;
                }
                hint.clear();
                if (!core.handle(line)) break;
            }
        } finally {
            try {
                history.save();
            } catch (IOException e) {
                terminal.writer().println("note: could not save history to " + options.home().resolve("history") + ": " + e.getMessage());
            }
            core.close();
            terminal.writer().flush();
        }
        return 0;
    }

    ConsoleCore core() { return core; }

    /** Waits for an input, with a progress line after a moment; Ctrl-C stops waiting, the work goes on. */
    private Object await(Future<Object> work) throws Exception {
        interrupted = false;
        Thread.interrupted(); // a Ctrl-C that reached the reader just before Enter must not cut this wait short
        Status status = Status.getStatus(terminal, true);
        long start = System.nanoTime();
        boolean shown = false;
        try {
            while (true) {
                try {
                    return work.get(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new ConsoleCore.Detached();
                } catch (TimeoutException e) {
                    if (interrupted) {
                        throw new ConsoleCore.Detached();
                    }
                    if (status != null && asking) {
                        if (shown) status.update(List.of()); // the run is asking a question: no status line under it
                        shown = false;
                    } else if (status != null && (progress.busy() || System.nanoTime() - start > 700_000_000L)) {
                        status.update(List.of(new AttributedString(progress.statusLine(), AttributedStyle.DEFAULT.inverse())));
                        shown = true;
                    }
                }
            }
        } finally {
            if (status != null && shown) status.update(List.of());
        }
    }

    static String join(List<String> lines) { return lines.stream().collect(Collectors.joining("\n")); }
}
