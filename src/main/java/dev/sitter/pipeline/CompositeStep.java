package dev.sitter.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code composite from: 'master', mask: 'masks/eyes.png', denoise: 0.2}: pastes the mask's white
 * part of a verified image ({@code 'master'}: the character's master; or an asset id) onto each
 * image with a feathered edge, then runs a light denoise pass (canvas inpainting through the same
 * feathered mask) so the patch blends. One paid op per image, each journaled. The patch source must
 * exist and must not have failed QA; both are checked before anything is paid.
 */
final class CompositeStep implements Step {
    static final Set<String> OPTIONS = Set.of("from", "mask", "denoise", "feather");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        String from = from(o);
        InpaintStep.mask(ctx, o);
        options(o);
        try {
            ctx.ops.checkPatchSource(from);
        } catch (PipelineException e) {
            throw o.located(e.getMessage());
        }
    }

    /** The step's denoise and feather, each checked against {@link CompositeOptions}' range (an error names the option). */
    static CompositeOptions options(StepOptions o) {
        return new CompositeOptions(
                o.decimal("denoise", CompositeOptions.DEFAULT_DENOISE, CompositeOptions.MIN_DENOISE, CompositeOptions.MAX_DENOISE),
                o.integer("feather", CompositeOptions.DEFAULT_FEATHER, CompositeOptions.MIN_FEATHER, CompositeOptions.MAX_FEATHER));
    }

    private static String from(StepOptions o) {
        String from = o.text("from", null);
        if (from == null) {
            throw o.error("from: is required", "write e.g. composite from: 'master', mask: 'masks/eyes.png' (the character's"
                    + " master image, or the id of a verified asset)");
        }
        return from;
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        String from = from(o);
        Path mask = InpaintStep.mask(ctx, o);
        CompositeOptions options = options(o);
        double denoise = options.denoise();
        int feather = options.feather();
        List<Item> out = new ArrayList<>();
        for (Item item : in) {
            String opKey = key + "/" + ctx.shortKey(item.id());
            List<Item> made = ctx.once(opKey, item.id(), () -> {
                InpaintStep.checkSize(ctx, o, mask, item);
                return List.of(ctx.ops.composite(ctx.opKey(opKey), ctx.produced(item), from, mask, feather, denoise));
            });
            for (Item m : made) out.add(new Item(m.id(), m.file(), m.parentId(), null, item.qa()));
        }
        return new Result(ctx.scored(out), "composited " + out.size() + " from " + from + " through " + mask.getFileName()
                + ", denoise " + String.format(Locale.ROOT, "%.2f", denoise));
    }
}
