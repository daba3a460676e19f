package dev.sitter.dsl;

import dev.sitter.prompt.PromptException;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a script threw into a {@link DslException} at {@code file:line:col}: compile errors
 * from the parser's own positions, runtime errors from the innermost stack frame of a script this
 * shell compiled (Groovy keeps the script's file name and line in its frames), and Groovy's
 * "No signature of method" into "unknown keyword ... did you mean ...".
 */
final class ErrorLocator {
    private ErrorLocator() {}

    static DslException locate(Throwable t, Map<String, Source> sources, SitterShell shell) {
        if (t instanceof MultipleCompilationErrorsException m) return syntax(m, sources);
        DslException d = translate(t, shell);
        if (!d.hasLocation()) {
            StackTraceElement f = innermostScriptFrame(t, sources);
            if (f != null) {
                Source s = sources.get(f.getFileName());
                String line = s.line(f.getLineNumber());
                d.locate(s.displayName(), f.getLineNumber(), column(line, d.token()), line);
            }
        }
        return d;
    }

    // ------------------------------------------------------------ runtime

    private static DslException translate(Throwable t, SitterShell shell) {
        if (t instanceof DslException d) return d;
        if (t instanceof PromptException p) return new DslException(p.getMessage(), p);
        if (t instanceof MissingMethodException e && e.getType() != null && SitterScript.class.isAssignableFrom(e.getType())) {
            String name = e.getMethod();
            if (SitterScript.KEYWORDS.contains(name)) {
                return new DslException("wrong arguments for `" + name + "`: got " + describe(e.getArguments())
                        + "; write e.g. " + SitterScript.EXAMPLES.getOrDefault(name, name + " ..."), e).token(name);
            }
            List<String> candidates = new ArrayList<>(SitterScript.KEYWORDS);
            candidates.addAll(shell.knownNames());
            String suggestion = Args.didYouMean(name, candidates, "`", "`");
            return new DslException("unknown keyword `" + name + "`" + (suggestion.isEmpty()
                    ? "; the top-level keywords are " + String.join(", ", SitterScript.KEYWORDS) : suggestion), e).token(name);
        }
        if (t instanceof MissingPropertyException e && e.getType() != null && SitterScript.class.isAssignableFrom(e.getType())) {
            String name = e.getProperty();
            List<String> candidates = new ArrayList<>(shell.knownNames());
            candidates.addAll(SitterScript.KEYWORDS);
            String suggestion = Args.didYouMean(name, candidates, "`", "`");
            return new DslException("unknown name `" + name + "`" + (suggestion.isEmpty()
                    ? "; define it first (e.g. character('" + name + "') { ... }), or put text in quotes" : suggestion), e).token(name);
        }
        if (t instanceof MissingMethodException e && e.getType() != null) {
            return new DslException(dev.sitter.util.Words.a(e.getType().getSimpleName()) + " has no method `" + e.getMethod() + "` for "
                    + describe(e.getArguments()) + Args.didYouMean(e.getMethod(), members(e.getType()), "`", "`"), e).token(e.getMethod());
        }
        if (t instanceof MissingPropertyException e && e.getType() != null) {
            return new DslException(dev.sitter.util.Words.a(e.getType().getSimpleName()) + " has no property `" + e.getProperty() + "`"
                    + Args.didYouMean(e.getProperty(), members(e.getType()), "`", "`"), e).token(e.getProperty());
        }
        if (t instanceof NullPointerException) {
            return new DslException("a value used here is null (nothing); check the variable was set before this line", t);
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
        return new DslException("script error: " + msg, t);
    }

    private static List<String> members(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) continue;
            String n = m.getName();
            names.add(n);
            if (n.startsWith("get") && n.length() > 3 && m.getParameterCount() == 0) {
                names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            }
        }
        return List.copyOf(names);
    }

    private static String describe(Object[] args) {
        if (args == null || args.length == 0) return "no arguments";
        List<String> s = new ArrayList<>();
        for (Object a : args) s.add(Args.show(a));
        return String.join(", ", s);
    }

    /** The first script frame of the deepest throwable in the cause chain that has one. */
    private static StackTraceElement innermostScriptFrame(Throwable t, Map<String, Source> sources) {
        Deque<Throwable> chain = new ArrayDeque<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) chain.push(c);
        for (Throwable c : chain) {
            for (StackTraceElement e : c.getStackTrace()) {
                if (e.getFileName() != null && e.getLineNumber() > 0 && sources.containsKey(e.getFileName())) return e;
            }
        }
        return null;
    }

    static int column(String line, String token) {
        if (line == null) return 1;
        if (token != null && !token.isEmpty()) {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(token) + "(?![A-Za-z0-9_])").matcher(line);
            if (m.find()) return m.start() + 1;
            int i = line.indexOf(token);
            if (i >= 0) return i + 1;
        }
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) return i + 1;
        }
        return 1;
    }

    // ------------------------------------------------------------ compile time

    private static DslException syntax(MultipleCompilationErrorsException m, Map<String, Source> sources) {
        SyntaxException se = null;
        for (Message msg : m.getErrorCollector().getErrors()) {
            if (msg instanceof SyntaxErrorMessage s) { se = s.getCause(); break; }
        }
        if (se == null) {
            String text = m.getMessage().replaceAll("(?s)^startup failed:\\s*", "").lines().findFirst().orElse("");
            return new DslException("the script does not compile: " + text, m);
        }
        Source s = sources.get(se.getSourceLocator());
        if (s == null) {
            return new DslException("syntax error: " + clean(se.getOriginalMessage()), m);
        }
        int[] unbalanced = Braces.unbalanced(s.text());
        if (unbalanced != null) {
            int line = unbalanced[0], col = unbalanced[1];
            String sentence = unbalanced[2] > 0
                    ? "syntax error: the `{` here is never closed; add the missing `}` at the end of its block"
                    : "syntax error: this `}` has no matching `{`; remove it or add the `{` it closes";
            return new DslException(sentence, m).locate(s.displayName(), line, col, s.line(line));
        }
        String original = clean(se.getOriginalMessage());
        return new DslException("syntax error: " + original + hint(original), m)
                .locate(s.displayName(), se.getLine(), se.getStartColumn(), s.line(se.getLine()));
    }

    private static String clean(String message) {
        return message.replaceAll("\\s*@ line \\d+, column \\d+\\.?\\s*$", "").replaceAll("\\s+", " ").strip();
    }

    private static String hint(String original) {
        if (original.startsWith("Unexpected character: '\\''") || original.startsWith("Unexpected character: '\"'")) {
            return "; a quoted text is not closed on this line: add the closing quote";
        }
        if (original.startsWith("Unexpected input")) {
            return "; check for a missing comma, quote or bracket here or at the end of the line before";
        }
        return "";
    }
}
