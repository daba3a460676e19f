package dev.sitter.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compiled, backend-neutral generation request: everything needed to build the exact
 * wire body, plus the {@link Recipe} that explains where it came from.
 *
 * <p>Nullable fields mean "not set by the user" and are left off the wire, so the API's own
 * defaults apply (the official SDK sends its defaults for unset fields; Sitter does not).
 * {@code isPublic} is the exception: Sitter always sends it, false unless the user says otherwise.
 * {@code extra} holds pass-through API fields (e.g. {@code styleUUID}, {@code contextImages}),
 * kept sorted so the wire body is byte-identical on every run.
 */
public record PromptSpec(
        Surface surface,
        String modelId,
        String modelName,
        String sdVersion,
        String prompt,
        String negativePrompt,
        String presetStyle,
        Integer width,
        Integer height,
        Integer steps,
        Double guidance,
        Long seed,
        Integer numImages,
        Boolean alchemy,
        boolean isPublic,
        List<ReferenceImage> references,
        InitImage init,
        SortedMap<String, Object> extra,
        Recipe recipe) {

    public PromptSpec {
        references = references == null ? List.of() : List.copyOf(references);
        extra = extra == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(extra));
        recipe = recipe == null ? Recipe.NONE : recipe;
        if (surface == null) surface = Surface.V1;
    }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.surface = surface; b.modelId = modelId; b.modelName = modelName; b.sdVersion = sdVersion;
        b.prompt = prompt; b.negativePrompt = negativePrompt; b.presetStyle = presetStyle;
        b.width = width; b.height = height; b.steps = steps; b.guidance = guidance; b.seed = seed;
        b.numImages = numImages; b.alchemy = alchemy; b.isPublic = isPublic; b.references = references;
        b.init = init; b.extra = new TreeMap<>(extra); b.recipe = recipe;
        return b;
    }

    public PromptSpec withSeed(Long newSeed) { return toBuilder().seed(newSeed).build(); }

    public PromptSpec withNumImages(Integer n) { return toBuilder().numImages(n).build(); }

    public PromptSpec withInit(InitImage newInit) { return toBuilder().init(newInit).build(); }

    /** Fluent builder; every setter returns this. */
    public static final class Builder {
        private Surface surface = Surface.V1;
        private String modelId, modelName, sdVersion, prompt, negativePrompt, presetStyle;
        private Integer width, height, steps, numImages;
        private Double guidance;
        private Long seed;
        private Boolean alchemy;
        private boolean isPublic;
        private List<ReferenceImage> references = List.of();
        private InitImage init;
        private SortedMap<String, Object> extra = new TreeMap<>();
        private Recipe recipe = Recipe.NONE;

        public Builder surface(Surface v) { surface = v; return this; }
        public Builder modelId(String v) { modelId = v; return this; }
        public Builder modelName(String v) { modelName = v; return this; }
        public Builder sdVersion(String v) { sdVersion = v; return this; }
        public Builder prompt(String v) { prompt = v; return this; }
        public Builder negativePrompt(String v) { negativePrompt = v; return this; }
        public Builder presetStyle(String v) { presetStyle = v; return this; }
        public Builder size(int w, int h) { width = w; height = h; return this; }
        public Builder width(Integer v) { width = v; return this; }
        public Builder height(Integer v) { height = v; return this; }
        public Builder steps(Integer v) { steps = v; return this; }
        public Builder guidance(Double v) { guidance = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder numImages(Integer v) { numImages = v; return this; }
        public Builder alchemy(Boolean v) { alchemy = v; return this; }
        public Builder isPublic(boolean v) { isPublic = v; return this; }
        public Builder references(List<ReferenceImage> v) { references = v; return this; }
        public Builder init(InitImage v) { init = v; return this; }
        public Builder extra(Map<String, Object> v) { extra = new TreeMap<>(v); return this; }
        public Builder extra(String key, Object value) { extra.put(key, value); return this; }
        public Builder recipe(Recipe v) { recipe = v; return this; }

        public PromptSpec build() {
            return new PromptSpec(surface, modelId, modelName, sdVersion, prompt, negativePrompt, presetStyle,
                    width, height, steps, guidance, seed, numImages, alchemy, isPublic, references, init, extra, recipe);
        }
    }
}
