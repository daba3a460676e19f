package dev.sitter.pack;

import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.ErrorCollector;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns an untrusted script's text into Groovy's AST and nothing more.
 *
 * <p>This is the work {@code CompilationUnit.compile(Phases.CONVERSION)} does for one source
 * (parse, then convert the parse tree to a {@link ModuleNode}) without the CompilationUnit's phase
 * operations: no global or local AST transformation runs (so {@code @Grab}, {@code @ASTTest},
 * {@code @CompileStatic(extensions=...)} are inert annotation nodes), no class is resolved, loaded
 * or generated. Groovy's parser is not hardened against adversarial input (Groovy's threat model),
 * so the text is size-capped first and the parse runs on its own thread with a deadline; a parser
 * stack overflow or hang becomes a refusal, not a crash.
 */
public final class ScriptParser {
    /** Largest pack script accepted, in characters. Real DSL files are a few KiB. */
    public static final int MAX_SOURCE_CHARS = 256 * 1024;
    /** Deepest nesting of (), [] and {} accepted, counted on the raw text (strings included). */
    public static final int MAX_BRACKET_DEPTH = 64;
    private static final long PARSE_DEADLINE_SECONDS = 20;

    private ScriptParser() {}

    /** Parses {@code text} (named {@code file} in messages) or throws {@link ScriptRefusedException}. */
    public static ModuleNode parse(String file, String text) {
        if (text.length() > MAX_SOURCE_CHARS) {
            throw problem(file, 0, 0, "the script has " + text.length() + " characters",
                    "the limit is " + MAX_SOURCE_CHARS + "; split it into smaller files");
        }
        int depth = bracketDepth(text);
        if (depth > MAX_BRACKET_DEPTH) {
            // Groovy's parser slows down sharply on deep nesting; no DSL file needs it.
            throw problem(file, 0, 0, "brackets are nested " + depth + " deep",
                    "the limit is " + MAX_BRACKET_DEPTH + "; flatten the lists and blocks");
        }
        FutureTask<ModuleNode> task = new FutureTask<>(() -> parseNow(file, text));
        Thread t = new Thread(null, task, "pack-script-parse", 16L << 20);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(PARSE_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw problem(file, 0, 0, "the script takes over " + PARSE_DEADLINE_SECONDS + "s to parse",
                    "the file is malformed or hostile");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackException("interrupted while parsing " + file, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ScriptRefusedException r) throw r;
            if (c instanceof StackOverflowError) {
                throw problem(file, 0, 0, "the script is nested too deeply to parse", "flatten it");
            }
            throw problem(file, 0, 0, "the script does not parse", String.valueOf(c));
        }
    }

    private static ModuleNode parseNow(String file, String text) {
        CompilerConfiguration config = new CompilerConfiguration();
        // Belt and braces: nothing below runs transforms, but if a later change ever does,
        // Grape must not resolve or download anything for a pack.
        config.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));
        config.setTolerance(0);
        SourceUnit unit = new SourceUnit(file, text, config, null, new ErrorCollector(config));
        try {
            unit.parse();
            unit.completePhase();
            unit.nextPhase();
            unit.convert();
        } catch (CompilationFailedException e) {
            throw syntaxError(file, unit.getErrorCollector());
        }
        if (unit.getErrorCollector().hasErrors()) throw syntaxError(file, unit.getErrorCollector());
        return unit.getAST();
    }

    private static ScriptRefusedException syntaxError(String file, ErrorCollector errors) {
        List<? extends Message> list = errors.getErrors();
        if (list != null) {
            for (Message m : list) {
                if (m instanceof SyntaxErrorMessage sem) {
                    SyntaxException se = sem.getCause();
                    String msg = se.getOriginalMessage() == null ? "syntax error" : se.getOriginalMessage();
                    return problem(file, se.getStartLine(), se.getStartColumn(), "syntax error", firstLine(msg));
                }
            }
        }
        return problem(file, 0, 0, "syntax error", "the file does not parse as Groovy");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static ScriptRefusedException problem(String file, int line, int col, String what, String detail) {
        return new ScriptRefusedException(List.of(ScriptViolation.problem(file, line, col, what, detail)));
    }

    static int bracketDepth(String text) {
        int depth = 0, max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') max = Math.max(max, ++depth);
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
        }
        return max;
    }
}
