package dev.sitter.dsl;

import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.pipeline.PipelineEstimate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a script can ask of the outside world: the DSL's generation commands ({@code generate},
 * {@code refine}, {@code inpaint}, {@code upscale}, {@code removeBackground}, {@code estimate},
 * {@code credits}, {@code models}, {@code run 'pipeline'}) are checked and compiled by the DSL, then
 * handed to the Studio. The DSL never talks to the network or the library itself.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Every {@link PromptSpec} has been validated against the model's limits already; a Studio
 *       does not need to re-check sizes, counts or seeds.</li>
 *   <li>Reference and mask paths ({@code ReferenceImage.path}, {@code AnchorImage.path}) are relative to
 *       {@link SitterShell#baseDir()} (or absolute); resolve them with {@link SitterShell#resolveReference}.
 *       Their SHA-256 is in the spec: check it before uploading so a file changed since the script ran
 *       is noticed.</li>
 *   <li>An {@code asset} argument is whatever an earlier call returned (an element of {@link #generate}'s
 *       list, or the result of {@link #refine}); a Studio rejects objects it did not make with a
 *       {@link DslException} saying what it expected.</li>
 *   <li>Results are shown to the user by {@code toString()} in the console: make them printable.</li>
 *   <li>Failures the user can fix (no credits, network down, a file gone) are thrown as
 *       {@link DslException} with one sentence; the DSL adds the script line.</li>
 * </ul>
 *
 * <p>{@link #unavailable()} is the default until the real Studio (Leonardo client + library) is wired in;
 * {@link DryRunStudio} prints the exact request bodies instead of sending them.
 */
public interface Studio {
    /** Text-to-image: {@code generate mara, template: 'canonical', seed: 4242, count: 4}. Returns the images made. */
    List<?> generate(PromptSpec spec);

    /**
     * Image-to-image on an earlier result: {@code refine shots[1], strength: 0.3}.
     *
     * @param spec     the request to run on the asset, or null to reuse the asset's own recipe
     * @param strength init_strength, already checked to be 0.1-0.9
     */
    Object refine(Object asset, PromptSpec spec, double strength);

    /**
     * Canvas inpainting: {@code inpaint shot, mask: 'masks/hair.png', strength: 0.5}.
     *
     * @param mask     the mask image, resolved and checked to be a PNG/JPEG/WebP file
     * @param spec     the request for the new content, or null to reuse the asset's recipe
     * @param strength init_strength 0.1-0.9, or null for the Studio's default
     */
    Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength);

    /**
     * {@code composite shot, from: master(mara), mask: 'masks/eyes.png'}: pastes the mask's white part of
     * a verified image onto the asset (feathered edge), then a light denoise pass blends it in.
     *
     * @param from    the patch source: an asset a command returned, or an asset id
     * @param mask    the mask file, resolved (a PNG the size of the asset)
     * @param denoise how much the blending pass repaints (0.2-0.9), or null for the Studio's default
     * @param feather the patch's soft edge in pixels, or null for the default
     */
    default Object composite(Object asset, Object from, Path mask, Double denoise, Integer feather) {
        throw new DslException("`composite` needs Sitter's library; run the script with `sitter run` or in the console");
    }

    /** {@code upscale best} / {@code upscale best, mode: 'ultra'}; options as written (mode, factor). */
    Object upscale(Object asset, Map<String, Object> options);

    /** {@code removeBackground best}. */
    Object removeBackground(Object asset);

    /** {@code estimate mara, template: 'canonical', count: 4}: what the request would cost; nothing is generated. */
    Object estimate(PromptSpec spec);

    /** {@code credits}: the account's remaining balance. */
    Object credits();

    /** {@code models}: the models the account can use. */
    Object models();

    /**
     * {@code run 'pack', character: mara, template: 'canonical', seed: 4242}.
     *
     * @param spec    the compiled request for the character and template (seed applied), the pipeline's starting point
     * @param options the remaining options as written (everything but character, template, seed)
     */
    Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options);

    /**
     * {@code estimate 'pack', character: mara, template: 'canonical', seed: 4242}: what the pipeline
     * would cost, step by step, asked of the pricing calculator; nothing is generated.
     */
    default PipelineEstimate estimateRun(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        throw new DslException("this studio cannot price a pipeline; run the script with Sitter's sandbox or a Leonardo key");
    }

    /**
     * Whether commands on this Studio spend credits, so a session {@code budget} applies to them
     * (false for a dry run, which sends nothing).
     */
    default boolean charges() { return false; }

    /** Credits {@link #generate} of this request would cost (pricing calculator); asked only when {@link #charges()}. */
    default long quote(PromptSpec spec) {
        throw new DslException("this studio cannot price a request");
    }

    /**
     * Credits a paid command on an earlier image would cost: {@code refine}, {@code inpaint}, {@code composite}
     * (its denoise pass), {@code upscale} or {@code removeBackground}; asked only when {@link #charges()}, before
     * the command is sent, so a session budget applies to it.
     *
     * @param spec    the request the command will send (refine/inpaint with character:), or null for the asset's own
     * @param options the command's options as written (e.g. upscale's mode and factor)
     */
    default long quote(String command, Object asset, PromptSpec spec, Map<String, Object> options) {
        throw new DslException("this studio cannot price " + command);
    }

    /** Credits charged through this Studio since it was made (what its commands paid, as the API reported). */
    default java.math.BigDecimal spent() { return java.math.BigDecimal.ZERO; }

    /**
     * Counts credits the session spent outside this Studio's own commands (a {@code pack 'replay'}
     * regenerates through a Studio of its own) in {@link #spent()}, so a budget sees them.
     */
    default void charged(java.math.BigDecimal credits) {}

    /**
     * {@code master mara, best}: makes {@code asset} (an image this Studio made, or an asset id) the
     * master of the character: the base for later image-to-image runs ({@code refine master(mara), ...})
     * and the first reference of drift scoring. Kept in the library, so later sessions see it.
     */
    default Object master(String character, Object asset) {
        throw new DslException("`master` needs Sitter's library; run the script with `sitter run` or in the console");
    }

    /** {@code master mara}: the character's master image, usable wherever an asset is. */
    default Object master(String character) {
        throw new DslException("`master` needs Sitter's library; run the script with `sitter run` or in the console");
    }

    /** A Studio whose every command says it is not available yet and how to see the request instead. */
    static Studio unavailable() {
        return new UnavailableStudio();
    }
}
