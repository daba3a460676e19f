package dev.sitter.pipeline;

import dev.sitter.imaging.CubeLut;
import dev.sitter.imaging.CubeParser;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.LutGrader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code grade lut: 'luts/teal-orange.cube'}: applies one 3D LUT identically to every image (local,
 * free). The LUT path is resolved against the script's folder, then the prompt library. The ops
 * record each graded image (the Studio keeps it in the library as a {@code grade} step with the LUT's
 * name and SHA-256, so it replays).
 */
final class GradeStep implements Step {
    static final Set<String> OPTIONS = Set.of("lut");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        Path lutFile = lutFile(ctx, o); // a missing or malformed LUT is found before anything is paid
        parse(lutFile, read(lutFile, o), o);
    }

    private static Path lutFile(RunContext ctx, StepOptions o) {
        String lutName = o.text("lut", null);
        if (lutName == null) {
            throw o.error("lut: is required", "write e.g. grade lut: 'luts/teal-orange.cube'");
        }
        return ctx.settings().resolve(lutName);
    }

    private static byte[] read(Path lutFile, StepOptions o) {
        try {
            return CubeParser.readBytes(lutFile);
        } catch (dev.sitter.imaging.ImagingException e) {
            throw o.located(e.getMessage());
        }
    }

    private static CubeLut parse(Path lutFile, byte[] bytes, StepOptions o) {
        try {
            return CubeParser.parse(lutFile, bytes);
        } catch (dev.sitter.imaging.ImagingException e) {
            throw o.located(e.getMessage());
        }
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        Path lutFile = lutFile(ctx, o);
        // Read once: the bytes that grade the images are the bytes the ops hash and keep.
        byte[] lutBytes = read(lutFile, o);
        CubeLut lut = parse(lutFile, lutBytes, o);
        List<Item> out = new ArrayList<>();
        for (Item item : in) {
            byte[] png = Images.pngBytes(LutGrader.apply(lut, Images.read(item.file())));
            PortraitOps.Produced made = ctx.ops.graded(ctx.produced(item), png, o.text("lut", null), lutFile, lutBytes);
            Item graded = ctx.store(made.id(), made.bytes(), item.id());
            out.add(new Item(graded.id(), graded.file(), item.id(), item.drift(), item.qa()));
        }
        return new Result(out, "graded " + out.size() + " with " + lutFile.getFileName());
    }
}
