package dev.sitter.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;
import dev.sitter.model.ReferenceRole;
import dev.sitter.model.Surface;
import dev.sitter.util.Levenshtein;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The model table, read once from {@code model-profiles.json} next to this class. Look models up
 * by id, platform name or alias, case-insensitively.
 */
public final class ModelProfiles {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final ModelProfiles BUILT_IN = load();

    private final Map<String, ModelProfile> byKey;
    private final List<ModelProfile> all;
    private final Set<String> presetStyles;
    private final Limits v1Defaults;

    private ModelProfiles(Map<String, ModelProfile> byKey, List<ModelProfile> all, Set<String> presetStyles, Limits v1Defaults) {
        this.byKey = byKey;
        this.all = all;
        this.presetStyles = presetStyles;
        this.v1Defaults = v1Defaults;
    }

    public static ModelProfiles builtIn() { return BUILT_IN; }

    public List<ModelProfile> all() { return all; }

    public Set<String> presetStyles() { return presetStyles; }

    /** The table entry for a name, alias or id. */
    public Optional<ModelProfile> find(String nameOrId) {
        if (nameOrId == null) return Optional.empty();
        return Optional.ofNullable(byKey.get(key(nameOrId)));
    }

    /**
     * Resolves what a style wrote after {@code model}: a known name, alias or id; or any other v1
     * model UUID (custom and new models), which gets the v1 limits and no preprocessor ids.
     *
     * @throws PromptException naming the closest known model when the text is neither
     */
    public ModelProfile resolve(String nameOrId) {
        Optional<ModelProfile> p = find(nameOrId);
        if (p.isPresent()) return p.get();
        if (UUID.matcher(nameOrId.strip()).matches()) {
            return new ModelProfile(nameOrId.strip().toLowerCase(Locale.ROOT), nameOrId.strip(), List.of(), "custom",
                    Surface.V1, null, Map.of(), v1Defaults, List.of("a model id that is not in Sitter's table"),
                    "this model id is not in Sitter's model table, so reference preprocessor ids are unknown", false);
        }
        String hint = suggestion(nameOrId);
        throw new PromptException("model", "unknown model '" + nameOrId + "'" + (hint.isEmpty()
                ? "; use a platform model name (e.g. 'Leonardo Kino XL'), a v2 model id (e.g. 'flux-pro-2.0') or a model UUID" : hint));
    }

    private String suggestion(String text) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (ModelProfile p : all) {
            for (String cand : names(p)) {
                int d = Levenshtein.distance(key(text), key(cand));
                if (d < bestD) { bestD = d; best = cand; }
            }
        }
        return best != null && bestD <= Math.max(3, text.length() / 3) ? " \u2014 did you mean '" + best + "'?" : "";
    }

    private static List<String> names(ModelProfile p) {
        List<String> n = new ArrayList<>();
        n.add(p.name());
        n.addAll(p.aliases());
        n.add(p.id());
        return n;
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static ModelProfiles load() {
        try (InputStream in = ModelProfiles.class.getResourceAsStream("model-profiles.json")) {
            if (in == null) throw new IllegalStateException("model-profiles.json is missing from the classpath");
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model-profiles.json", e);
        }
    }

    static ModelProfiles parse(JsonNode root) {
        Map<String, ModelProfile> byKey = new LinkedHashMap<>();
        List<ModelProfile> all = new ArrayList<>();
        Set<String> presets = new TreeSet<>();
        root.path("presetStyles").forEach(n -> presets.add(n.asText()));
        for (JsonNode fam : root.path("families")) {
            Surface surface = Surface.valueOf(fam.path("surface").asText("V1"));
            ObjectNode limitsNode = ((ObjectNode) root.path("defaults").path(surface.name())).deepCopy();
            if (fam.has("limits")) limitsNode.setAll((ObjectNode) fam.get("limits"));
            Limits limits = limits(limitsNode);
            Map<ReferenceRole, Integer> pre = new EnumMap<>(ReferenceRole.class);
            fam.path("preprocessors").fields().forEachRemaining(e -> pre.put(ReferenceRole.valueOf(e.getKey()), e.getValue().asInt()));
            List<String> unconfirmed = new ArrayList<>();
            fam.path("unconfirmed").forEach(n -> unconfirmed.add(n.asText()));
            for (JsonNode m : fam.path("models")) {
                List<String> aliases = new ArrayList<>();
                m.path("aliases").forEach(n -> aliases.add(n.asText()));
                ModelProfile p = new ModelProfile(m.path("id").asText(), m.path("name").asText(), aliases,
                        fam.path("family").asText(), surface, text(fam, "sdVersion"), pre, limits, unconfirmed,
                        text(fam, "note"), true);
                all.add(p);
                for (String n : names(p)) {
                    ModelProfile clash = byKey.put(key(n), p);
                    if (clash != null && clash != p) {
                        throw new IllegalStateException("model-profiles.json: '" + n + "' names two models");
                    }
                }
            }
        }
        JsonNode v1 = root.path("defaults").path("V1");
        return new ModelProfiles(byKey, Collections.unmodifiableList(all), Collections.unmodifiableSet(presets), limits(v1));
    }

    private static Limits limits(JsonNode n) {
        List<String> sizes = new ArrayList<>();
        n.path("sizes").forEach(s -> sizes.add(s.asText()));
        List<Double> contrast = new ArrayList<>();
        n.path("contrastValues").forEach(s -> contrast.add(s.asDouble()));
        return new Limits(integer(n, "minSide"), integer(n, "maxSide"), integer(n, "sideMultiple"), sizes,
                integer(n, "maxImages"), integer(n, "maxImagesLarge"), integer(n, "largeSide"), integer(n, "promptMax"),
                n.has("seedMax") ? n.get("seedMax").asLong() : null,
                dbl(n, "minInitStrength"), dbl(n, "maxInitStrength"), integer(n, "minSteps"), integer(n, "maxSteps"),
                dbl(n, "minGuidance"), dbl(n, "maxGuidance"), integer(n, "maxReferences"), contrast,
                n.path("negativePrompt").asBoolean(true), n.path("presetStyle").asBoolean(true),
                n.path("alchemy").asBoolean(true), n.path("steps").asBoolean(true), n.path("guidance").asBoolean(true));
    }

    private static Integer integer(JsonNode n, String f) { return n.has(f) ? n.get(f).asInt() : null; }

    private static Double dbl(JsonNode n, String f) { return n.has(f) ? n.get(f).asDouble() : null; }

    private static String text(JsonNode n, String f) { return n.has(f) ? n.get(f).asText() : null; }
}
