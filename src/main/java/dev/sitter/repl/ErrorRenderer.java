package dev.sitter.repl;

import dev.sitter.util.Levenshtein;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.syntax.SyntaxException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.function.Function;

/**
 * Turns an evaluation error into what a script error looks like: {@code input-7:1:12: message},
 * the source line, a caret under the spot, and the fix. The engine's own rendering wins when it has
 * one (its DSL errors already say all of this); this class covers plain Groovy errors. Java stack
 * traces only when asked ({@code /stacktrace} or {@code --stacktrace}).
 */
final class ErrorRenderer {
    private final ReplEngine engine;
    private final Function<String, String> sources;
    private final Function<String, Collection<String>> knownNames;

    /**
     * @param sources    the text of a source name ({@code input-7}, a loaded file), or null
     * @param knownNames names to suggest for a misspelt one (keywords, ids, variables), given the wrong name
     */
    ErrorRenderer(ReplEngine engine, Function<String, String> sources, Function<String, Collection<String>> knownNames) {
        this.engine = engine;
        this.sources = sources;
        this.knownNames = knownNames;
    }

    String render(Throwable error, String sourceName, boolean stacktrace) {
        Throwable e = unwrap(error);
        String text = engine.describeError(e).orElseGet(() -> groovy(e, sourceName));
        if (stacktrace) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            text = text.stripTrailing() + "\n" + sw;
        }
        return text.stripTrailing();
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof InvokerInvocationException || e instanceof java.lang.reflect.InvocationTargetException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private String groovy(Throwable e, String sourceName) {
        if (e instanceof MultipleCompilationErrorsException mce) {
            StringBuilder sb = new StringBuilder();
            for (Message m : mce.getErrorCollector().getErrors()) {
                if (m instanceof SyntaxErrorMessage sem) {
                    SyntaxException se = sem.getCause();
                    String name = se.getSourceLocator() == null ? sourceName : se.getSourceLocator();
                    sb.append(located(name, se.getLine(), se.getStartColumn(), se.getOriginalMessage(), syntaxHint(se.getOriginalMessage())));
                } else {
                    StringWriter sw = new StringWriter();
                    m.write(new PrintWriter(sw));
                    sb.append(sourceName).append(": ").append(sw.toString().strip()).append('\n');
                }
            }
            return sb.toString();
        }
        StackTraceElement frame = scriptFrame(e, sourceName);
        String name = frame == null ? sourceName : frame.getFileName();
        int line = frame == null ? 0 : frame.getLineNumber();
        if (e instanceof MissingMethodException mme && isScriptLevel(mme.getType())) {
            return located(name, line, column(name, line, mme.getMethod()),
                    "unknown command or keyword `" + mme.getMethod() + "`", suggestion(mme.getMethod()));
        }
        if (e instanceof MissingPropertyException mpe && isScriptLevel(mpe.getType())) {
            return located(name, line, column(name, line, mpe.getProperty()),
                    "unknown name `" + mpe.getProperty() + "`", suggestion(mpe.getProperty())
                            + " Define it first, or quote it if you meant a string.");
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return located(name, line, 0, what, "");
    }

    private static boolean isScriptLevel(Class<?> type) {
        return type == null || groovy.lang.Script.class.isAssignableFrom(type) || type.getName().startsWith("dev.sitter.dsl");
    }

    private static String syntaxHint(String message) {
        if (message.startsWith("Unexpected character: '\\''") || message.startsWith("Unexpected character: '\"'")) {
            return "Close the string on the same line, or use ''' for text over several lines.";
        }
        if (message.startsWith("Unexpected input")) {
            return "Groovy often reports the block around the mistake: look for a missing comma, bracket or quote here or just before.";
        }
        return "";
    }

    private String suggestion(String wrong) {
        String best = null;
        int bestDistance = Math.max(2, wrong.length() / 3) + 1;
        for (String candidate : knownNames.apply(wrong)) {
            int d = Levenshtein.distance(wrong, candidate);
            if (d > 0 && d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? "" : "Did you mean `" + best + "`?";
    }

    private String located(String name, int line, int column, String message, String fix) {
        StringBuilder sb = new StringBuilder(name);
        if (line > 0) sb.append(':').append(line);
        if (line > 0 && column > 0) sb.append(':').append(column);
        sb.append(": ").append(message);
        if (!fix.isEmpty()) sb.append(" — ").append(fix.strip());
        sb.append('\n');
        String src = line > 0 ? sources.apply(name) : null;
        if (src != null) {
            String[] lines = src.split("\n", -1);
            if (line <= lines.length) {
                String text = lines[line - 1].replace('\t', ' ');
                sb.append("  ").append(text).append('\n');
                if (column > 0 && column <= text.length() + 1) sb.append("  ").append(" ".repeat(column - 1)).append("^\n");
            }
        }
        return sb.toString();
    }

    /** Column (1-based) of a name on the given line of a source, or 0. */
    private int column(String name, int line, String word) {
        String src = sources.apply(name);
        if (src == null || line <= 0 || word == null) return 0;
        String[] lines = src.split("\n", -1);
        if (line > lines.length) return 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b").matcher(lines[line - 1]);
        return m.find() ? m.start() + 1 : 0;
    }

    /** The first stack frame in the evaluated source: its file name is the source name. */
    private static StackTraceElement scriptFrame(Throwable e, String sourceName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement f : t.getStackTrace()) {
                String file = f.getFileName();
                if (file != null && f.getLineNumber() > 0 && (file.equals(sourceName) || file.startsWith("input-")
                        || file.endsWith(".groovy"))) {
                    return f;
                }
            }
        }
        return null;
    }
}
