package dev.sitter.pack;

import dev.sitter.model.CharacterDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Recipe;
import dev.sitter.prompt.Definitions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiles a recorded request again from the pack's own definitions (same character, template,
 * seed and count), through the DSL's {@code prompt}. {@link ReplayPlanner} compares the result with
 * the record, so a replay says whether the pack's scripts still produce its assets' requests.
 */
public final class ScriptRecompiler {
    private ScriptRecompiler() {}

    public static Function<PromptSpec, PromptSpec> from(PackScriptRunner.Loaded loaded) {
        return recorded -> {
            Recipe r = recorded.recipe();
            if (r == null || r.characterId() == null) return null;
            CharacterDef c = (CharacterDef) loaded.shell().definitions().find(Definitions.Kind.CHARACTER, r.characterId());
            if (c == null) return null;
            Map<String, Object> opts = new LinkedHashMap<>();
            if (r.templateId() != null) opts.put("template", r.templateId());
            if (recorded.seed() != null) opts.put("seed", recorded.seed());
            if (recorded.numImages() != null) opts.put("count", recorded.numImages());
            try {
                return loaded.shell().hostScript().prompt(opts, c);
            } catch (RuntimeException e) {
                return null; // the plan reports the disagreement; the recorded request is authoritative
            }
        };
    }
}
