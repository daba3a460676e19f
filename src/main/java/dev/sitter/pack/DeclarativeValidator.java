package dev.sitter.pack;

import dev.sitter.pack.DeclarativeGrammar.Context;
import dev.sitter.pack.DeclarativeGrammar.Keyword;
import dev.sitter.util.Levenshtein;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.*;
import org.codehaus.groovy.ast.stmt.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a pack script's AST against the {@link DeclarativeGrammar} allow-list. Everything the
 * grammar does not name is refused, with the file, line and construct; all violations are
 * collected so the author sees them at once. Nothing of the script is compiled or run here.
 *
 * <p>Accepted: top-level statements and block bodies made only of keyword calls with an implicit
 * receiver ({@code hair 'black'}), whose arguments are constant strings, numbers, booleans, null,
 * lists, maps with constant keys, bounded integer ranges, names of definitions made earlier in the
 * pack, and one trailing parameterless {@code { ... }} for keywords that open a block. File paths
 * must be pack paths ({@link PackPaths}).
 */
public final class DeclarativeValidator {
    static final int MAX_NODES = 200_000;
    static final int MAX_BLOCK_DEPTH = 8;
    static final int MAX_VALUE_DEPTH = 32;
    static final int MAX_STRING_CHARS = 64 * 1024;
    static final long MAX_RANGE_SPAN = 10_000;

    /** Names every Groovy script or object answers to; naming them gives a sharper message. */
    private static final Map<String, String> DANGEROUS = Map.ofEntries(
            Map.entry("evaluate", "it compiles and runs Groovy code"),
            Map.entry("execute", "it starts an operating-system process"),
            Map.entry("run", "it runs a script"),
            Map.entry("getClass", "it reaches Java reflection"),
            Map.entry("getMetaClass", "it reaches Groovy's meta-object protocol"),
            Map.entry("setMetaClass", "it reaches Groovy's meta-object protocol"),
            Map.entry("invokeMethod", "it calls any method by name"),
            Map.entry("getProperty", "it reads any property by name"),
            Map.entry("setProperty", "it writes any property by name"),
            Map.entry("getBinding", "it reaches the script's variables"),
            Map.entry("setBinding", "it reaches the script's variables"),
            Map.entry("println", "pack scripts cannot print"),
            Map.entry("print", "pack scripts cannot print"),
            Map.entry("printf", "pack scripts cannot print"),
            Map.entry("sleep", "pack scripts cannot pause"),
            Map.entry("with", "it runs a closure against any object"),
            Map.entry("tap", "it runs a closure against any object"),
            Map.entry("use", "it installs categories (new methods) at run time"),
            Map.entry("mixin", "it adds methods at run time"),
            Map.entry("addShutdownHook", "it schedules code to run later"),
            Map.entry("identity", "it runs a closure"),
            Map.entry("each", "loops are not allowed"),
            Map.entry("times", "loops are not allowed"),
            Map.entry("inspect", "it calls methods on objects"),
            Map.entry("dump", "it reads object internals"),
            Map.entry("load", "it loads code"),
            Map.entry("grab", "it downloads code"));

    private final DeclarativeGrammar grammar;

    public DeclarativeValidator(DeclarativeGrammar grammar) {
        this.grammar = grammar;
    }

    /**
     * Parses and validates one script.
     *
     * @param file       its path inside the pack (for messages)
     * @param text       its source
     * @param knownNames definition ids made by scripts validated earlier (e.g. included files)
     * @throws ScriptRefusedException listing every violation, when there is any
     */
    public ValidatedScript validate(String file, String text, Set<String> knownNames) {
        return validate(file, text, knownNames, null);
    }

    /**
     * As {@link #validate(String, String, Set)}, calling {@code onInclude} for each {@code include}
     * as it is met, so the included file is validated first and the names it defines (returned)
     * are known to the statements after it.
     */
    public ValidatedScript validate(String file, String text, Set<String> knownNames,
                                    java.util.function.Function<String, Set<String>> onInclude) {
        ModuleNode module = ScriptParser.parse(file, text);
        Walk w = new Walk(file, knownNames, onInclude);
        w.module(module);
        if (!w.violations.isEmpty()) throw new ScriptRefusedException(w.violations);
        return new ValidatedScript(file, module.getStatementBlock(), List.copyOf(w.includes),
                Set.copyOf(w.defined), Set.copyOf(w.paths));
    }

    /** One validation pass; collects violations instead of stopping at the first. */
    private final class Walk {
        final String file;
        final Set<String> known;
        final List<ScriptViolation> violations = new ArrayList<>();
        final List<String> includes = new ArrayList<>();
        final Set<String> defined = new LinkedHashSet<>();
        final Set<String> paths = new LinkedHashSet<>();
        int nodes;
        ASTNode lastPositioned;

        final java.util.function.Function<String, Set<String>> onInclude;

        Walk(String file, Set<String> knownNames, java.util.function.Function<String, Set<String>> onInclude) {
            this.file = file;
            this.known = new LinkedHashSet<>(knownNames);
            this.onInclude = onInclude;
        }

        void module(ModuleNode m) {
            if (m.getPackage() != null) {
                annotations(m.getPackage().getAnnotations());
                refuse(m.getPackage(), "a `package` declaration", "pack scripts have no package");
            }
            List<ImportNode> imports = new ArrayList<>(m.getImports());
            imports.addAll(m.getStarImports());
            imports.addAll(m.getStaticImports().values());
            imports.addAll(m.getStaticStarImports().values());
            for (ImportNode i : imports) {
                annotations(i.getAnnotations());
                refuse(i, "`" + clip(i.getText()) + "`", "pack scripts may not import anything");
            }
            for (ClassNode c : m.getClasses()) {
                if (c.isScript()) {
                    annotations(c.getAnnotations());
                    if (!c.getFields().isEmpty()) refuse(c.getFields().get(0), "a field declaration", null);
                    continue;
                }
                annotations(c.getAnnotations());
                String kind = kind(c);
                refuse(c, (kind.matches("[aeiou].*") ? "an " : "a ") + kind + " definition `" + c.getNameWithoutPackage() + "`",
                        "pack scripts may not define types");
            }
            for (MethodNode mn : m.getMethods()) {
                annotations(mn.getAnnotations());
                refuse(mn, "a method definition `" + mn.getName() + "`", "pack scripts may not define methods");
            }
            block(m.getStatementBlock(), Context.TOP, 0);
        }

        void annotations(List<AnnotationNode> list) {
            for (AnnotationNode a : list) {
                refuse(a, "the annotation `@" + a.getClassNode().getNameWithoutPackage() + "`",
                        "annotations can run code while a script is compiled");
            }
        }

        void block(Statement s, Context ctx, int depth) {
            if (!count(s)) return;
            labels(s);
            if (s instanceof BlockStatement b) {
                for (Statement inner : b.getStatements()) block(inner, ctx, depth);
            } else if (s instanceof ExpressionStatement es) {
                statementExpression(es.getExpression(), ctx, depth);
            } else if (s instanceof EmptyStatement) {
                // a stray ';' is harmless
            } else {
                refuse(s, statementKind(s), "pack scripts have no control flow; only DSL keywords");
            }
        }

        void labels(Statement s) {
            if (s.getStatementLabels() != null && !s.getStatementLabels().isEmpty()) {
                refuse(s, "the label `" + s.getStatementLabels().get(0) + ":`", null);
            }
        }

        void statementExpression(Expression e, Context ctx, int depth) {
            if (!count(e)) return;
            if (e instanceof MethodCallExpression mc) {
                keywordCall(mc, ctx, depth);
            } else if (e instanceof DeclarationExpression d && !d.getAnnotations().isEmpty()) {
                refuse(e, describe(e), "annotations can run code while a script is compiled");
            } else {
                refuse(e, describe(e), "a statement must be a DSL keyword such as "
                        + String.join(", ", first(grammar.keywordNames(ctx), 6)));
            }
        }

        void keywordCall(MethodCallExpression mc, Context ctx, int depth) {
            if (!mc.isImplicitThis()) {
                refuse(mc, "the method call `" + clip(mc.getText()) + "` on an object",
                        reasonFor(dangerousInChain(mc), "only bare DSL keywords are allowed, never `x.method()`"));
                return;
            }
            if (mc.isSpreadSafe() || mc.isSafe()) {
                refuse(mc, "a safe/spread call `?.`/`*.`", null);
                return;
            }
            if (mc.getGenericsTypes() != null) {
                refuse(mc, "generic type arguments on a call", null);
                return;
            }
            String name = mc.getMethodAsString();
            if (name == null || !(mc.getMethod() instanceof ConstantExpression)) {
                refuse(mc.getMethod(), "a computed method name `" + clip(mc.getMethod().getText()) + "`",
                        "keywords must be written out");
                return;
            }
            Keyword kw = grammar.keyword(ctx, name).orElse(null);
            if (kw == null) {
                String why = DANGEROUS.get(name);
                if (why != null) {
                    refuse(mc, "the call `" + name + "`", why + "; it is not a DSL keyword");
                } else {
                    refuse(mc, "the keyword `" + name + "` in " + where(ctx), suggestion(name, ctx));
                }
                return;
            }
            arguments(mc, kw, ctx, depth);
        }

        void arguments(MethodCallExpression mc, Keyword kw, Context ctx, int depth) {
            Expression args = mc.getArguments();
            if (!(args instanceof TupleExpression tuple)) {
                refuse(args, describe(args) + " as arguments", null);
                return;
            }
            List<Expression> list = tuple.getExpressions();
            int positional = 0;
            for (int i = 0; i < list.size(); i++) {
                Expression a = list.get(i);
                if (!count(a)) return;
                if (a instanceof ClosureExpression ce && !(a instanceof LambdaExpression)) {
                    if (i != list.size() - 1) {
                        refuse(ce, "a `{ ... }` block in the middle of `" + kw.name() + "`'s arguments", null);
                    } else if (kw.block() == null) {
                        refuse(ce, "a `{ ... }` block after `" + kw.name() + "`", "`" + kw.name() + "` takes values, not a block");
                    } else {
                        closure(ce, kw.block(), depth + 1);
                    }
                } else if (a instanceof MapExpression map) { // includes NamedArgumentListExpression
                    for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                        if (!count(entry)) return;
                        String key = constantKey(entry.getKeyExpression());
                        if (key == null) continue;
                        value(entry.getValueExpression(), 0);
                        if (kw.pathKeys().contains(key)) path(entry.getValueExpression(), kw);
                    }
                } else {
                    value(a, 0);
                    if (positional == kw.pathPosition()) path(a, kw);
                    if (positional == 0 && kw.defines() && ctx == Context.TOP
                            && a instanceof ConstantExpression c && c.getValue() instanceof String id) {
                        defined.add(id);
                        known.add(id);
                    }
                    positional++;
                }
            }
            if (kw.name().equals("include") && ctx == Context.TOP) {
                Expression a = list.isEmpty() ? null : list.get(0);
                if (a instanceof ConstantExpression c && c.getValue() instanceof String p && PackPaths.problem(p) == null) {
                    includes.add(p);
                    if (onInclude != null) {
                        try {
                            known.addAll(onInclude.apply(p));
                        } catch (ScriptRefusedException e) {
                            violations.addAll(e.violations());
                        }
                    }
                } else if (a == null) {
                    refuse(mc, "`include` without a file", "write include 'blocks/styles/noir.groovy'");
                }
            }
        }

        void closure(ClosureExpression ce, Context inner, int depth) {
            Parameter[] ps = ce.getParameters();
            if (ps != null && ps.length > 0) {
                refuse(ce, "a block with parameters `{ " + ps[0].getName() + " -> ... }`",
                        "parameters (and their types and defaults) are code; write `{ ... }`");
                return;
            }
            if (depth > MAX_BLOCK_DEPTH) {
                refuse(ce, "blocks nested deeper than " + MAX_BLOCK_DEPTH, null);
                return;
            }
            block(ce.getCode(), inner, depth);
        }

        void path(Expression e, Keyword kw) {
            if (!(e instanceof ConstantExpression c) || !(c.getValue() instanceof String p)) {
                refuse(e, "a non-constant file path for `" + kw.name() + "`", "write the path as a plain string");
                return;
            }
            String problem = PackPaths.problem(p);
            if (problem != null) {
                refuse(e, "the file path '" + PackPaths.printable(p) + "' for `" + kw.name() + "`",
                        problem + "; paths in a pack are relative to the pack and stay inside it");
            } else {
                paths.add(p);
            }
        }

        String constantKey(Expression k) {
            if (k instanceof ConstantExpression c && c.getValue() instanceof String s) return s;
            refuse(k, k instanceof SpreadMapExpression ? "a spread map `*:`" : "a computed map key `" + clip(k.getText()) + "`",
                    "map keys must be plain names or strings");
            return null;
        }

        void value(Expression e, int depth) {
            if (!count(e)) return;
            if (depth > MAX_VALUE_DEPTH) {
                refuse(e, "values nested deeper than " + MAX_VALUE_DEPTH, null);
                return;
            }
            if (e instanceof ConstantExpression c && !(e instanceof AnnotationConstantExpression)) {
                constant(c);
            } else if (e instanceof UnaryMinusExpression um && um.getExpression() instanceof ConstantExpression c
                    && c.getValue() instanceof Number) {
                constant(c);
            } else if (e instanceof ListExpression list && !(e instanceof ClosureListExpression)) {
                for (Expression x : list.getExpressions()) value(x, depth + 1);
            } else if (e instanceof MapExpression map) {
                for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                    if (!count(entry)) return;
                    if (constantKey(entry.getKeyExpression()) != null) value(entry.getValueExpression(), depth + 1);
                }
            } else if (e instanceof RangeExpression r) {
                range(r);
            } else if (e instanceof VariableExpression v && !(v.isThisExpression() || v.isSuperExpression())) {
                if (!known.contains(v.getName())) {
                    refuse(v, "the name `" + v.getName() + "`", "pack scripts may only name definitions made earlier"
                            + " in the pack" + (known.isEmpty() ? "" : " (" + String.join(", ", first(known, 6)) + ")")
                            + "; quote it if it is text");
                }
            } else {
                refuse(e, describe(e), null);
            }
        }

        void constant(ConstantExpression c) {
            Object v = c.getValue();
            if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigInteger
                    || v instanceof BigDecimal || v instanceof Double || v instanceof Float) return;
            if (v instanceof String s) {
                if (s.length() > MAX_STRING_CHARS) refuse(c, "a string of " + s.length() + " characters", "the limit is " + MAX_STRING_CHARS);
                return;
            }
            refuse(c, "the constant `" + clip(c.getText()) + "` of type " + v.getClass().getSimpleName(), null);
        }

        void range(RangeExpression r) {
            Long from = integer(r.getFrom());
            Long to = integer(r.getTo());
            if (from == null || to == null) {
                refuse(r, "the range `" + clip(r.getText()) + "`", "ranges must be between two whole-number constants");
            } else if (Math.abs(to - from) > MAX_RANGE_SPAN) {
                refuse(r, "the range `" + clip(r.getText()) + "`", "ranges may span at most " + MAX_RANGE_SPAN + " values");
            }
        }

        Long integer(Expression e) {
            if (e instanceof ConstantExpression c && (c.getValue() instanceof Integer || c.getValue() instanceof Long)) {
                return ((Number) c.getValue()).longValue();
            }
            if (e instanceof UnaryMinusExpression um) {
                Long inner = integer(um.getExpression());
                return inner == null ? null : -inner;
            }
            return null;
        }

        boolean count(ASTNode n) {
            if (n.getLineNumber() > 0) lastPositioned = n;
            if (++nodes == MAX_NODES) {
                violations.add(ScriptViolation.problem(file, n.getLineNumber(), n.getColumnNumber(),
                        "the script has more than " + MAX_NODES + " syntax nodes", "split it into smaller files"));
            }
            return nodes < MAX_NODES;
        }

        void refuse(ASTNode n, String construct, String detail) {
            ASTNode at = n != null && n.getLineNumber() > 0 ? n : lastPositioned;
            int line = at == null ? 0 : Math.max(0, at.getLineNumber());
            int col = at == null ? 0 : Math.max(0, at.getColumnNumber());
            violations.add(new ScriptViolation(file, line, col, construct, detail));
        }

        String suggestion(String name, Context ctx) {
            String best = null;
            int bestD = 3;
            for (String k : grammar.keywordNames(ctx)) {
                int d = Levenshtein.distance(name, k);
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            String allowed = "allowed here: " + String.join(", ", grammar.keywordNames(ctx));
            return best == null ? allowed : "did you mean `" + best + "`? " + allowed;
        }
    }

    /** The first name in a call chain ({@code a().b().c()}) that Groovy gives special powers, if any. */
    static String dangerousInChain(Expression e) {
        String found = null;
        while (e instanceof MethodCallExpression mc) {
            String n = mc.getMethodAsString();
            if (n != null && DANGEROUS.containsKey(n)) found = n;
            e = mc.getObjectExpression();
        }
        return found;
    }

    static String reasonFor(String method, String fallback) {
        String why = method == null ? null : DANGEROUS.get(method);
        return why == null ? fallback : "`" + method + "`: " + why;
    }

    /** A short human name for an expression the grammar does not allow. */
    static String describe(Expression e) {
        String text = "`" + clip(e.getText()) + "`";
        if (e instanceof ConstructorCallExpression) return "the constructor call " + text + " (`new`)";
        if (e instanceof StaticMethodCallExpression) return "the static method call " + text;
        if (e instanceof MethodCallExpression mc) {
            return mc.isImplicitThis() ? "the call " + text + " used as a value" : "the method call " + text + " on an object";
        }
        if (e instanceof AttributeExpression) return "the attribute access " + text + " (`.@`)";
        if (e instanceof PropertyExpression) return "the property access " + text;
        if (e instanceof MethodReferenceExpression) return "the method reference " + text + " (`::`)";
        if (e instanceof MethodPointerExpression) return "the method pointer " + text + " (`.&`)";
        if (e instanceof LambdaExpression) return "the lambda " + text;
        if (e instanceof ClosureExpression) return "a closure used as a value";
        if (e instanceof CastExpression) return "the cast " + text + " (`as`/`(Type)` can construct objects)";
        if (e instanceof GStringExpression) return "the GString " + text + " (`${...}` runs code; use single quotes)";
        if (e instanceof DeclarationExpression d) {
            if (!d.getAnnotations().isEmpty()) {
                return "the annotation `@" + d.getAnnotations().get(0).getClassNode().getNameWithoutPackage() + "`";
            }
            return "the variable declaration " + text;
        }
        if (e instanceof BinaryExpression b) {
            String op = b.getOperation().getText();
            if (op.equals("[")) return "the index access " + text;
            if (op.endsWith("=") && !op.equals("==") && !op.equals("!=") && !op.equals("<=") && !op.equals(">=")) {
                return "the assignment " + text;
            }
            return "the operator `" + op + "` in " + text;
        }
        if (e instanceof ClassExpression) return "the class reference " + text;
        if (e instanceof VariableExpression v) {
            return v.isThisExpression() || v.isSuperExpression() ? "`" + v.getName() + "`" : "the name " + text;
        }
        if (e instanceof TernaryExpression) return "the conditional " + text;
        if (e instanceof PrefixExpression || e instanceof PostfixExpression) return "the increment/decrement " + text;
        if (e instanceof NotExpression || e instanceof BooleanExpression) return "the boolean expression " + text;
        if (e instanceof BitwiseNegationExpression) return "the operator `~` in " + text;
        if (e instanceof UnaryMinusExpression || e instanceof UnaryPlusExpression) return "the unary operator in " + text;
        if (e instanceof SpreadExpression || e instanceof SpreadMapExpression) return "the spread operator in " + text;
        if (e instanceof ArrayExpression) return "the array creation " + text;
        if (e instanceof RangeExpression) return "the range " + text;
        return "the expression " + text + " (" + e.getClass().getSimpleName() + ")";
    }

    private static String statementKind(Statement s) {
        if (s instanceof IfStatement) return "an `if` statement";
        if (s instanceof ForStatement) return "a `for` loop";
        if (s instanceof WhileStatement) return "a `while` loop";
        if (s instanceof DoWhileStatement) return "a `do`/`while` loop";
        if (s instanceof SwitchStatement) return "a `switch` statement";
        if (s instanceof TryCatchStatement) return "a `try` statement";
        if (s instanceof ThrowStatement) return "a `throw` statement";
        if (s instanceof SynchronizedStatement) return "a `synchronized` block";
        if (s instanceof AssertStatement) return "an `assert` statement";
        if (s instanceof ReturnStatement) return "a `return` statement";
        if (s instanceof BreakStatement) return "a `break` statement";
        if (s instanceof ContinueStatement) return "a `continue` statement";
        return "the statement " + s.getClass().getSimpleName();
    }

    private static String kind(ClassNode c) {
        if (c.isInterface()) return c.isAnnotationDefinition() ? "annotation type" : "interface";
        if (c.isEnum()) return "enum";
        if (c.isRecord()) return "record";
        return "class";
    }

    private static String where(Context ctx) {
        return ctx == Context.TOP ? "a pack script's top level" : "a `" + ctx.name().toLowerCase() + "` block";
    }

    static String clip(String s) {
        if (s == null) return "";
        String one = s.replace('\n', ' ');
        return PackPaths.printable(one.length() > 60 ? one.substring(0, 57) + "..." : one);
    }

    private static List<String> first(Set<String> s, int n) {
        return s.stream().limit(n).toList();
    }
}
