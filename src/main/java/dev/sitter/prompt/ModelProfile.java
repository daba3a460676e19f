package dev.sitter.prompt;

import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;

import java.util.List;
import java.util.Map;

/**
 * One Leonardo model as Sitter knows it: where to send it, what it accepts, and which
 * preprocessor ids its Character/Style/Content References use.
 *
 * @param id            the model id sent on the wire (a UUID on v1, a slug like {@code flux-pro-2.0} on v2)
 * @param name          the platform name, e.g. "Leonardo Kino XL"
 * @param aliases       other names a script may use
 * @param family        family key in model-profiles.json, e.g. {@code sdxl}, {@code phoenix}
 * @param surface       v1 or v2 endpoint
 * @param sdVersion     the sd_version this family requires, or null
 * @param preprocessors controlnet preprocessor id per reference role (v1); a missing role is unsupported
 * @param limits        request limits
 * @param unconfirmed   facts in this entry that Leonardo's own docs do not confirm
 * @param note          advice shown when a request does not fit, or null
 * @param known         false for a model id that is not in the table (a custom or new model)
 */
public record ModelProfile(String id, String name, List<String> aliases, String family, Surface surface,
                           String sdVersion, Map<ReferenceRole, Integer> preprocessors, Limits limits,
                           List<String> unconfirmed, String note, boolean known) {
    public ModelProfile {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        preprocessors = preprocessors == null ? Map.of() : Map.copyOf(preprocessors);
        unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
    }

    @Override public String toString() {
        return name + " (" + id + ", " + family + ", " + surface.name().toLowerCase() + ")";
    }
}
