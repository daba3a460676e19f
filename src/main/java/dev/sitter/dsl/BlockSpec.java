package dev.sitter.dsl;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Base of the small classes a DSL block's closure delegates to ({@code character('mara') { ... }}
 * runs its closure against a {@link CharacterSpec}). Its public methods are the block's keywords.
 * Unknown keywords and wrong argument types become one-sentence {@link DslException}s with a
 * "did you mean" suggestion.
 */
public abstract class BlockSpec {
    final SitterShell shell;
    final String kind;
    final String id;

    BlockSpec(SitterShell shell, String kind, String id) {
        this.shell = shell;
        this.kind = kind;
        this.id = id;
    }

    /** " in character 'mara'": where a message happened. */
    String where() {
        return " in " + kind + " '" + id + "'";
    }

    /** An example line per keyword, for "wrong argument" messages. */
    abstract Map<String, String> examples();

    /**
     * Runs {@code body} with this spec as its delegate (DSL keywords first, then the script's own
     * variables and methods) and turns the failures Groovy reports against this spec into DSL errors.
     */
    final void configure(Closure<?> body) {
        if (body == null) return;
        Closure<?> c = body.rehydrate(this, body.getOwner(), body.getThisObject());
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        try {
            c.call();
        } catch (MissingMethodException e) {
            if (e.getType() != getClass()) throw e;
            throw missingMethod(e);
        } catch (MissingPropertyException e) {
            if (e.getType() != getClass()) throw e;
            String suggestion = Args.didYouMean(e.getProperty(), keywords(), "`", "`");
            throw new DslException("unknown keyword `" + e.getProperty() + "`" + where()
                    + (suggestion.isEmpty() ? "; " + kind + " takes " + String.join(", ", keywords()) : suggestion)
                    + " (a keyword is followed by its value, e.g. " + anyExample(e.getProperty()) + ")", e).token(e.getProperty());
        }
    }

    private DslException missingMethod(MissingMethodException e) {
        String name = e.getMethod();
        if (keywords().contains(name)) {
            return new DslException("wrong argument for `" + name + "`" + where() + ": got "
                    + describe(e.getArguments()) + "; write e.g. " + examples().getOrDefault(name, name + " ..."), e).token(name);
        }
        String suggestion = Args.didYouMean(name, keywords(), "`", "`");
        return new DslException("unknown keyword `" + name + "`" + where()
                + (suggestion.isEmpty() ? "; " + kind + " takes " + String.join(", ", keywords()) : suggestion), e)
                .token(name);
    }

    private String anyExample(String word) {
        String k = Args.closest(word, keywords());
        return examples().getOrDefault(k == null ? "" : k, keywords().isEmpty() ? "" : examples().values().iterator().next());
    }

    private static String describe(Object[] args) {
        if (args == null || args.length == 0) return "no value";
        List<String> s = new ArrayList<>();
        for (Object a : args) s.add(Args.show(a));
        return String.join(", ", s);
    }

    /** The block's keywords: public methods declared by the concrete spec class. */
    final List<String> keywords() {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : getClass().getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                names.add(m.getName());
            }
        }
        return List.copyOf(names);
    }
}
