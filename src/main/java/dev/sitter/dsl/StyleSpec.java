package dev.sitter.dsl;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.StyleDef;
import dev.sitter.prompt.ModelProfiles;
import dev.sitter.prompt.PromptException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The body of {@code style('noir') { ... }}: model, preset, tokens and an optional Style Reference image. */
public final class StyleSpec extends BlockSpec {
    private static final Map<String, String> EXAMPLES = Map.of(
            "model", "model 'Leonardo Kino XL'", "preset", "preset 'CINEMATIC'",
            "tokens", "tokens 'film noir', 'low-key lighting'", "reference", "reference 'styles/noir.png', strength: 'High'");
    static final List<String> STRENGTHS = List.of("Low", "Mid", "High", "Ultra", "Max");

    private String model, preset, strength;
    private final List<String> tokens = new ArrayList<>();
    private AnchorImage reference;

    StyleSpec(SitterShell shell, String id) {
        super(shell, "style", id);
    }

    @Override Map<String, String> examples() { return EXAMPLES; }

    /** A platform model name or id; checked against the model table now, so a typo is caught on this line. */
    public void model(String v) {
        try {
            ModelProfiles.builtIn().resolve(v);
        } catch (PromptException e) {
            throw new DslException(e.getMessage().replaceFirst("^unknown model '[^']*'", "$0" + where()), e).token(v);
        }
        model = v.strip();
    }

    public void preset(String v) {
        String p = v.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!ModelProfiles.builtIn().presetStyles().contains(p)) {
            String hint = Args.didYouMean(p, ModelProfiles.builtIn().presetStyles(), "'", "'");
            throw new DslException("unknown preset '" + v + "'" + where() + (hint.isEmpty()
                    ? "; Leonardo's presets are " + String.join(", ", ModelProfiles.builtIn().presetStyles()) : hint)).token(v);
        }
        preset = p;
    }

    public void tokens(Object... v) { tokens.addAll(Args.texts(v, "tokens", where(), EXAMPLES.get("tokens"))); }

    public void reference(Map<String, Object> opts, String path) {
        Args.options(opts, List.of("strength"), "reference", where());
        if (opts.containsKey("strength")) strength = Args.strength(opts.get("strength"), STRENGTHS, where());
        reference = shell.anchorImage(path, null);
    }

    public void reference(String path) {
        reference = shell.anchorImage(path, null);
    }

    StyleDef build() {
        return new StyleDef(id, model, preset, tokens, reference, strength);
    }
}
