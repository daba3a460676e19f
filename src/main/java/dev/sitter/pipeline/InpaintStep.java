package dev.sitter.pipeline;

import dev.sitter.imaging.ImagingException;
import dev.sitter.imaging.Masks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code inpaint mask: 'masks/eyes.png', prompt: 'clear green eyes', strength: 0.5}: canvas inpainting
 * of the mask's white part on each image, one paid op per image, each journaled. The mask (a PNG of
 * the images' size) is resolved like a LUT: the script's folder, then the prompt library.
 * {@code prompt:} is the patch's prompt; starting it with {@code +} adds it to the image's own prompt.
 * QA verdicts carry over (as through upscale); put {@code qa} after inpaint to judge the new patch.
 */
final class InpaintStep implements Step {
    static final Set<String> OPTIONS = Set.of("mask", "prompt", "strength");
    /** init_strength when none is given: what the standalone {@code inpaint} uses. */
    static final double DEFAULT_STRENGTH = 0.5;

    @Override
    public void check(RunContext ctx, StepOptions o) {
        mask(ctx, o);
        o.text("prompt", null);
        o.decimal("strength", DEFAULT_STRENGTH, 0.1, 0.8);
    }

    /** The mask file, checked to exist and be a PNG (its size is checked against each image before that image's op). */
    static Path mask(RunContext ctx, StepOptions o) {
        String written = o.text("mask", null);
        if (written == null) {
            throw o.error("mask: is required", "write e.g. " + o.stepName() + " mask: 'masks/eyes.png' (a black-and-white PNG the size of the images, white = the patch)");
        }
        Path file = ctx.settings().resolve(written);
        if (!java.nio.file.Files.exists(file)) {
            List<Path> places = ctx.settings().places(written);
            throw o.error("the mask '" + written + "' was not found; looked " + (places.size() == 1 ? "at " + places.get(0)
                    : "in " + String.join(", then ", places.stream().map(Path::toString).toList())),
                    "draw a black-and-white PNG the size of the images (white = the patch, black = kept) and save it as "
                            + places.get(0) + (places.size() > 1 ? " (beside the script)" : "") + ", or write its path relative to the script");
        }
        try {
            // Everything that does not depend on the image: exists, a PNG, not black all over.
            Masks.readPainted(file);
        } catch (ImagingException e) {
            throw o.located(e.getMessage());
        }
        return file;
    }

    /**
     * Before anything is paid: when the size of the images reaching this step is known from the
     * pipeline (explore's size, the template's size after refine), a mask of another size is refused.
     */
    static void checkPlannedSize(RunContext ctx, StepOptions o, int[] planned) {
        if (planned == null) {
            return;
        }
        try {
            Masks.read(mask(ctx, o), planned[0], planned[1], "each image reaching this step");
        } catch (ImagingException e) {
            throw o.located(e.getMessage() + " Nothing was paid.");
        }
    }

    /** Refuses a mask of another size than the image, before its op is paid. */
    static void checkSize(RunContext ctx, StepOptions o, Path mask, Item item) {
        java.awt.image.BufferedImage img = dev.sitter.imaging.Images.read(item.file());
        try {
            Masks.read(mask, img.getWidth(), img.getHeight(), "image " + RunContext.displayId(item.id()));
        } catch (ImagingException e) {
            throw o.located(e.getMessage() + " Finished steps are kept: run again after the fix.");
        }
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        Path mask = mask(ctx, o);
        String prompt = o.text("prompt", null);
        double strength = o.decimal("strength", DEFAULT_STRENGTH, 0.1, 0.8);
        List<Item> out = new ArrayList<>();
        for (Item item : in) {
            String opKey = key + "/" + ctx.shortKey(item.id());
            List<Item> made = ctx.once(opKey, item.id(), () -> {
                checkSize(ctx, o, mask, item);
                return List.of(ctx.ops.inpaint(ctx.opKey(opKey), ctx.produced(item), mask, prompt, strength));
            });
            for (Item m : made) out.add(new Item(m.id(), m.file(), m.parentId(), null, item.qa()));
        }
        return new Result(ctx.scored(out), "inpainted " + out.size() + " through " + mask.getFileName() + " at strength "
                + String.format(Locale.ROOT, "%.2f", strength) + (prompt == null ? "" : ", prompt '" + prompt + "'"));
    }
}
