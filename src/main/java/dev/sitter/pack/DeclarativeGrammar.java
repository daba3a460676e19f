package dev.sitter.pack;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The allow-list a pack script is checked against: for each block (context), the DSL keywords it
 * may call, which block a keyword's trailing {@code { ... }} opens, and which arguments are file
 * paths (these must stay inside the pack). Anything not listed here is refused.
 *
 * <p>Keywords mirror the DSL's own vocabulary (DESIGN.md and {@code dev.sitter.dsl}); none may
 * be a name Groovy gives every script or object ({@code evaluate}, {@code run}, {@code getClass},
 * {@code with}, {@code println}, ...), which {@code DeclarativeGrammarTest} enforces.
 */
public final class DeclarativeGrammar {
    /** A block of the DSL. */
    public enum Context { TOP, CHARACTER, ANCHORS, STYLE, CAMERA, NEGATIVES, TEMPLATE, PIPELINE }

    /**
     * One keyword.
     *
     * @param name          the keyword
     * @param block         the context its trailing closure opens, or null when it takes none
     * @param defines       true when its first argument names a new definition (usable later as a variable)
     * @param pathPosition  index of the positional argument that is a file path, or -1
     * @param pathKeys      named arguments whose values are file paths
     */
    public record Keyword(String name, Context block, boolean defines, int pathPosition, Set<String> pathKeys) {}

    private final Map<Context, Map<String, Keyword>> keywords = new TreeMap<>();

    private DeclarativeGrammar() {}

    /** The grammar of Sitter's portrait DSL. */
    public static DeclarativeGrammar sitter() {
        DeclarativeGrammar g = new DeclarativeGrammar();
        g.definition(Context.TOP, "character", Context.CHARACTER);
        g.definition(Context.TOP, "style", Context.STYLE);
        g.definition(Context.TOP, "camera", Context.CAMERA);
        g.definition(Context.TOP, "negatives", Context.NEGATIVES);
        g.definition(Context.TOP, "template", Context.TEMPLATE);
        g.definition(Context.TOP, "pipeline", Context.PIPELINE);
        g.path(Context.TOP, "include", 0);
        g.plain(Context.TOP, "prompt", "generate");

        g.plain(Context.CHARACTER, "name", "age", "skin", "hair", "eyes", "features", "affect", "reference");
        g.add(Context.CHARACTER, new Keyword("anchors", Context.ANCHORS, false, -1, Set.of()));
        g.path(Context.ANCHORS, "image", 0);

        g.plain(Context.STYLE, "model", "preset", "tokens");
        g.path(Context.STYLE, "reference", 0);
        g.plain(Context.CAMERA, "tokens");
        g.plain(Context.NEGATIVES, "tokens");
        g.plain(Context.TEMPLATE, "style", "camera", "negatives", "size", "steps", "guidance", "count", "alchemy",
                "poses", "extra");
        g.plain(Context.PIPELINE, "explore", "select", "refine", "qa", "upscale", "export", "removeBackground");
        g.add(Context.PIPELINE, new Keyword("grade", null, false, -1, Set.of("lut")));
        g.add(Context.PIPELINE, new Keyword("inpaint", null, false, -1, Set.of("mask")));
        g.add(Context.PIPELINE, new Keyword("composite", null, false, -1, Set.of("mask")));
        return g;
    }

    /** The keyword {@code name} in {@code context}, if allowed there. */
    public Optional<Keyword> keyword(Context context, String name) {
        return Optional.ofNullable(keywords.getOrDefault(context, Map.of()).get(name));
    }

    /** The keywords allowed in {@code context}, sorted (for "did you mean" and docs). */
    public Set<String> keywordNames(Context context) {
        return new TreeSet<>(keywords.getOrDefault(context, Map.of()).keySet());
    }

    /** Every keyword of every context. */
    public Set<String> allKeywordNames() {
        Set<String> all = new TreeSet<>();
        keywords.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    private void definition(Context ctx, String name, Context block) {
        add(ctx, new Keyword(name, block, true, -1, Set.of()));
    }

    private void path(Context ctx, String name, int position) {
        add(ctx, new Keyword(name, null, false, position, Set.of()));
    }

    private void plain(Context ctx, String... names) {
        for (String n : names) add(ctx, new Keyword(n, null, false, -1, Set.of()));
    }

    private void add(Context ctx, Keyword k) {
        keywords.computeIfAbsent(ctx, c -> new TreeMap<>()).put(k.name(), k);
    }
}
