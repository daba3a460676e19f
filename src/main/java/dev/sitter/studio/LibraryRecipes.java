package dev.sitter.studio;

import dev.sitter.library.Library;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Provenance;
import dev.sitter.pipeline.Item;
import dev.sitter.pipeline.PipelineRunner;

import java.util.List;

/**
 * The recipe an exported pipeline image shows in {@code index.html}: what made it, read from its
 * library record (step, prompt, negative prompt, seed, model, size), then the run's lineage, drift
 * and QA. An image the library does not know keeps the lineage-only recipe.
 */
final class LibraryRecipes implements PipelineRunner.RecipeSource {
    private final Library library;

    LibraryRecipes(Library library) {
        this.library = library;
    }

    @Override public String recipe(Item item, List<String> lineage) {
        String run = PipelineRunner.RecipeSource.LINEAGE.recipe(item, lineage);
        Provenance p;
        try {
            p = library.get(item.id());
        } catch (Exception e) {
            return run; // not a library asset (or unreadable): the run's own facts are still true
        }
        StringBuilder sb = new StringBuilder("asset " + p.assetId().substring(0, 12) + "  step " + p.step());
        PromptSpec r = p.request();
        if (r != null) {
            if (r.prompt() != null) sb.append("\nprompt: ").append(r.prompt());
            if (r.negativePrompt() != null) sb.append("\nnegative prompt: ").append(r.negativePrompt());
            Long seed = p.seedReturned() != null ? p.seedReturned() : r.seed();
            if (seed != null) sb.append("\nseed: ").append(seed);
            String model = r.modelName() != null ? r.modelName() + (r.modelId() != null ? " (" + r.modelId() + ")" : "") : r.modelId();
            if (model != null) sb.append("\nmodel: ").append(model);
        }
        Provenance.ImageFile f = p.files() == null ? null : p.files().original();
        if (f != null && f.width() != null && f.height() != null) sb.append("\nsize: ").append(f.width()).append('x').append(f.height());
        // The run's lines after its first ("image ID"), which this header replaces.
        int eol = run.indexOf('\n');
        return sb.append(eol < 0 ? "" : run.substring(eol)).toString();
    }
}
