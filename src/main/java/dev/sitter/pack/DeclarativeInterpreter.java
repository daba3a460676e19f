package dev.sitter.pack;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterScript;
import dev.sitter.dsl.SitterShell;
import dev.sitter.pack.DeclarativeGrammar.Context;
import dev.sitter.pack.DeclarativeGrammar.Keyword;
import groovy.lang.Closure;
import groovy.lang.IntRange;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.RangeExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.UnaryMinusExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.EmptyStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs validated pack scripts without compiling them: walks the AST that
 * {@link DeclarativeValidator} accepted and calls the DSL's own keyword methods (on the shell's
 * script host and the block specs the DSL hands to each block), with values built from constant
 * nodes. A pack script therefore defines exactly what running it as Groovy would, through the same
 * {@code SitterScript}/spec code, while nothing the pack wrote is ever executed.
 *
 * <p>Blocks ({@code character('mara') { ... }}) are passed to the DSL as {@link InterpretedBlock}s:
 * Groovy {@link Closure}s whose call walks the block's statements against whatever delegate the DSL
 * set. Before each call the target class is checked to declare the keyword itself (a public method
 * of a {@code dev.sitter.dsl} class), so no name can reach Groovy's or Java's built-in methods.
 */
public final class DeclarativeInterpreter {
    private static final String DSL_PACKAGE = "dev.sitter.dsl";

    private final SitterShell shell;
    private final SitterScript host;
    private final DeclarativeGrammar grammar;
    private final Path packDir;
    private final Map<String, ValidatedScript> scripts = new LinkedHashMap<>();
    private final List<Object[]> sites = new ArrayList<>();
    private int depth;

    /**
     * @param shell   the DSL engine to define into (its base folder should be {@code packDir})
     * @param packDir the pack's folder; script paths are relative to it
     * @param scripts every validated script of the pack (roots and included files)
     */
    public DeclarativeInterpreter(SitterShell shell, DeclarativeGrammar grammar, Path packDir, List<ValidatedScript> scripts) {
        this.shell = shell;
        this.host = shell.hostScript();
        this.grammar = grammar;
        this.packDir = packDir.toAbsolutePath().normalize();
        for (ValidatedScript s : scripts) this.scripts.put(s.file(), s);
    }

    /** Interprets {@code roots} in order (each include runs where it appears, as in the DSL). */
    public void run(List<String> roots) {
        try {
            for (String r : roots) script(require(r, null, 0));
        } finally {
            shell.interpretingAt(null, 0);
        }
    }

    private ValidatedScript require(String path, ValidatedScript from, int line) {
        ValidatedScript s = scripts.get(path);
        if (s == null) throw fail(from, line, "'" + path + "' is not a validated script of this pack");
        return s;
    }

    private void script(ValidatedScript s) {
        if (++depth > 32) throw fail(s, 0, "includes nest deeper than 32");
        try {
            block(s.body(), Context.TOP, host, s);
        } finally {
            depth--;
        }
    }

    void block(Statement st, Context ctx, Object target, ValidatedScript s) {
        if (st instanceof BlockStatement b) {
            for (Statement inner : b.getStatements()) block(inner, ctx, target, s);
        } else if (st instanceof ExpressionStatement es && es.getExpression() instanceof MethodCallExpression mc) {
            call(mc, ctx, target, s);
        } else if (!(st instanceof EmptyStatement)) {
            throw fail(s, st.getLineNumber(), "statement " + st.getClass().getSimpleName() + " was not validated");
        }
    }

    private Object call(MethodCallExpression mc, Context ctx, Object target, ValidatedScript s) {
        String name = mc.getMethodAsString();
        int line = mc.getLineNumber();
        Keyword kw = grammar.keyword(ctx, name).orElseThrow(() -> fail(s, line, "keyword `" + name + "` was not validated"));
        List<Expression> argNodes = ((TupleExpression) mc.getArguments()).getExpressions();
        if (ctx == Context.TOP && name.equals("include")) {
            String p = (String) ((ConstantExpression) argNodes.get(0)).getValue();
            script(require(PackScripts.resolve(s.file(), p), s, line));
            return null;
        }
        List<Object> args = new ArrayList<>();
        for (Expression a : argNodes) {
            if (a instanceof ClosureExpression ce) {
                args.add(new InterpretedBlock(this, target, (BlockStatement) ce.getCode(), kw.block(), s));
            } else {
                args.add(value(a, s));
            }
        }
        requireKeyword(target, name, s, line);
        Object[] previous = sites.isEmpty() ? null : sites.get(sites.size() - 1);
        sites.add(new Object[] {s, line});
        shell.interpretingAt(packDir.resolve(s.file()), line);
        try {
            return InvokerHelper.getMetaClass(target).invokeMethod(target, name, args.toArray());
        } catch (DslException e) {
            throw fail(s, line, e.sentence() == null ? e.getMessage() : e.sentence());
        } catch (PackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw fail(s, line, "`" + name + "` failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            sites.remove(sites.size() - 1);
            if (previous == null) shell.interpretingAt(null, 0);
            else shell.interpretingAt(packDir.resolve(((ValidatedScript) previous[0]).file()), (Integer) previous[1]);
        }
    }

    /** The target's class (or a superclass in the DSL package) must itself declare a public method of this name. */
    private static void requireKeyword(Object target, String name, ValidatedScript s, int line) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            if (!c.getPackageName().equals(DSL_PACKAGE)) continue;
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) return;
            }
        }
        throw fail(s, line, "this Sitter's DSL has no keyword `" + name + "` here (the pack was made for another version?)");
    }

    private Object value(Expression e, ValidatedScript s) {
        if (e instanceof ConstantExpression c) return c.getValue();
        if (e instanceof UnaryMinusExpression um) return negate(value(um.getExpression(), s));
        if (e instanceof ListExpression l) {
            List<Object> out = new ArrayList<>();
            for (Expression x : l.getExpressions()) out.add(value(x, s));
            return out;
        }
        if (e instanceof MapExpression m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (MapEntryExpression me : m.getMapEntryExpressions()) {
                out.put((String) ((ConstantExpression) me.getKeyExpression()).getValue(), value(me.getValueExpression(), s));
            }
            return out;
        }
        if (e instanceof RangeExpression r) {
            int from = ((Number) value(r.getFrom(), s)).intValue();
            int to = ((Number) value(r.getTo(), s)).intValue();
            return new IntRange(!r.isExclusiveLeft(), !r.isExclusiveRight(), from, to);
        }
        if (e instanceof VariableExpression v) {
            // Only names the validator saw defined earlier in the pack reach here; resolve them the DSL's way.
            if (!shell.binding().hasVariable(v.getName())) {
                throw fail(s, v.getLineNumber(), "the name `" + v.getName() + "` is not defined (yet)");
            }
            return shell.binding().getVariable(v.getName());
        }
        throw fail(s, e.getLineNumber(), "value " + e.getClass().getSimpleName() + " was not validated");
    }

    private static Object negate(Object v) {
        if (v instanceof Integer i) return -i;
        if (v instanceof Long l) return -l;
        if (v instanceof BigInteger b) return b.negate();
        if (v instanceof BigDecimal b) return b.negate();
        if (v instanceof Double d) return -d;
        if (v instanceof Float f) return -f;
        throw new PackException("cannot negate " + v);
    }

    static PackException fail(ValidatedScript s, int line, String what) {
        String where = s == null ? "pack" : s.file() + (line > 0 ? ":" + line : "");
        return new PackException("pack script " + where + ": " + what + ".");
    }

    /**
     * A DSL block handed to the DSL as a Groovy {@link Closure}: calling it walks the block's
     * validated statements against the delegate the DSL chose (the block's spec). It has no
     * parameters and runs nothing but keyword calls.
     */
    static final class InterpretedBlock extends Closure<Object> {
        private final transient DeclarativeInterpreter interpreter;
        private final transient BlockStatement body;
        private final Context context;
        private final transient ValidatedScript script;

        InterpretedBlock(DeclarativeInterpreter interpreter, Object owner, BlockStatement body, Context context, ValidatedScript script) {
            super(owner, owner);
            this.interpreter = interpreter;
            this.body = body;
            this.context = context;
            this.script = script;
            this.maximumNumberOfParameters = 0;
            this.parameterTypes = new Class<?>[0];
        }

        @Override
        public Object call(Object... args) {
            Object target = getDelegate();
            if (target == null || !target.getClass().getPackageName().equals(DSL_PACKAGE) && !(target instanceof SitterScript)) {
                throw fail(script, body.getLineNumber(), "a block ran without a DSL block to run against");
            }
            interpreter.block(body, context, target, script);
            return null;
        }

        @Override
        public Object call() {
            return call(new Object[0]);
        }

        @Override
        public Object call(Object arg) {
            return call(new Object[] {arg});
        }

        public Object doCall() {
            return call(new Object[0]);
        }
    }
}
