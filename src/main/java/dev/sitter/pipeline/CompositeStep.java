package dev.sitter.pipeline;

import dev.sitter.imaging.Masks;

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
    /**
     * How much the denoise pass repaints inside the mask when none is given: enough to melt the seam,
     * little enough to keep the verified patch (init_strength = 1 - denoise = 0.8, canvas inpainting's most).
     */
    static final double DEFAULT_DENOISE = 0.2;

    @Override
    public void check(RunContext ctx, StepOptions o) {
        String from = from(o);
        InpaintStep.mask(ctx, o);
        o.decimal("denoise", DEFAULT_DENOISE, 0.2, 0.9);
        o.integer("feather", Masks.DEFAULT_FEATHER, 0, 64);
        try {
            ctx.ops.checkPatchSource(from);
        } catch (PipelineException e) {
            throw o.located(e.getMessage());
        }
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
        double denoise = o.decimal("denoise", DEFAULT_DENOISE, 0.2, 0.9);
        int feather = o.integer("feather", Masks.DEFAULT_FEATHER, 0, 64);
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
