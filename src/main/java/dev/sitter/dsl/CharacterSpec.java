package dev.sitter.dsl;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CharacterDef;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code character('mara') { ... }}: the fields that make up the identity anchor
 * (name, age, skin, hair, eyes, features, affect), the anchor images and the reference strength.
 */
public final class CharacterSpec extends BlockSpec {
    private static final Map<String, String> EXAMPLES = Map.of(
            "name", "name 'Mara Voss'", "age", "age 34", "skin", "skin 'olive skin'",
            "hair", "hair 'short black bob with a silver streak'", "eyes", "eyes 'green eyes'",
            "features", "features 'scar on left cheek', 'light freckles'", "affect", "affect 'confident', 'calm'",
            "anchors", "anchors { image 'anchors/mara/front.png', pose: 'frontal' }", "reference", "reference strength: 'Mid'");
    static final List<String> STRENGTHS = List.of("Low", "Mid", "High");

    private String name, skin, hair, eyes, strength;
    private Integer age;
    private final List<String> features = new ArrayList<>();
    private final List<String> affect = new ArrayList<>();
    private final List<AnchorImage> anchors = new ArrayList<>();

    CharacterSpec(SitterShell shell, String id) {
        super(shell, "character", id);
    }

    @Override Map<String, String> examples() { return EXAMPLES; }

    public void name(String v) { name = v; }

    public void age(Object v) {
        int a = Args.integer(v, "age", where(), "age 34");
        if (a < 1 || a > 150) throw new DslException("`age`" + where() + " is " + a + "; give the age in years, 1 to 150").token("age");
        age = a;
    }

    public void skin(String v) { skin = v; }

    public void hair(String v) { hair = v; }

    public void eyes(String v) { eyes = v; }

    public void features(Object... v) { features.addAll(Args.texts(v, "features", where(), EXAMPLES.get("features"))); }

    public void affect(Object... v) { affect.addAll(Args.texts(v, "affect", where(), EXAMPLES.get("affect"))); }

    public void anchors(@DelegatesTo(value = AnchorsSpec.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        AnchorsSpec spec = new AnchorsSpec(shell, id);
        spec.configure(body);
        anchors.addAll(spec.images());
    }

    public void reference(Map<String, Object> opts) {
        Args.options(opts, List.of("strength"), "reference", where());
        if (opts.containsKey("strength")) strength = Args.strength(opts.get("strength"), STRENGTHS, where());
    }

    CharacterDef build() {
        return new CharacterDef(id, name, age, skin, hair, eyes, features, affect, anchors, strength);
    }
}
