package dev.sitter.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A character as the DSL defined it. Its {@link #identity()} is the fixed text that opens every
 * prompt made for it.
 *
 * <p>Named {@code CharacterDef} rather than {@code Character} so it never shadows {@link java.lang.Character}.
 *
 * @param id                the id the script gave it ({@code character('mara') { ... }})
 * @param name              display name, e.g. "Mara Voss", or null
 * @param age               age in years, or null
 * @param skin              e.g. "olive skin", or null
 * @param hair              e.g. "short black bob with a silver streak", or null
 * @param eyes              e.g. "green eyes", or null
 * @param features          distinguishing features in the order written
 * @param affect            expression / demeanour words in the order written
 * @param anchors           reference images of the character, in the order written
 * @param referenceStrength Character Reference strength (Low/Mid/High), or null for the default (Mid)
 */
public record CharacterDef(String id, String name, Integer age, String skin, String hair, String eyes,
                           List<String> features, List<String> affect, List<AnchorImage> anchors,
                           String referenceStrength) {
    public CharacterDef {
        features = features == null ? List.of() : List.copyOf(features);
        affect = affect == null ? List.of() : List.copyOf(affect);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    /**
     * The identity anchor, compiled in this fixed order, each part once, joined by ", ":
     * <ol>
     *   <li>name</li>
     *   <li>age, as "34 years old"</li>
     *   <li>skin</li>
     *   <li>hair</li>
     *   <li>eyes</li>
     *   <li>features, in the order written</li>
     *   <li>affect, in the order written</li>
     * </ol>
     * Missing parts are skipped. Each part is trimmed and inner whitespace is collapsed to one
     * space, so the result depends only on the words, never on how the script was indented.
     */
    public String identity() {
        List<String> parts = new ArrayList<>();
        add(parts, name);
        if (age != null) add(parts, age + " years old");
        add(parts, skin);
        add(parts, hair);
        add(parts, eyes);
        features.forEach(f -> add(parts, f));
        affect.forEach(a -> add(parts, a));
        return String.join(", ", parts);
    }

    /** Groovy property access: {@code mara.identity} in a script or the console. */
    public String getIdentity() { return identity(); }

    private static void add(List<String> parts, String text) {
        String t = Tokens.normalise(text);
        if (!t.isEmpty()) parts.add(t);
    }

    @Override public String toString() {
        return "character '" + id + "': " + identity() + " (" + anchors.size() + " anchor image"
                + (anchors.size() == 1 ? "" : "s") + ")";
    }
}
