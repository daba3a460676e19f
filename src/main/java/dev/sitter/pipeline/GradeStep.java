package dev.sitter.pipeline;

import dev.sitter.imaging.CubeLut;
import dev.sitter.imaging.CubeParser;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.LutGrader;
import dev.sitter.util.Sha256;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code grade lut: 'luts/teal-orange.cube'}: applies one 3D LUT identically to every image (local,
 * free). The LUT path is resolved against the script's folder, then the prompt library.
 */
final class GradeStep implements Step {
    static final Set<String> OPTIONS = Set.of("lut");

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        String lutName = o.text("lut", null);
        if (lutName == null) {
            throw o.error("lut: is required", "write e.g. grade lut: 'luts/teal-orange.cube'");
        }
        Path lutFile = ctx.settings().resolve(lutName);
        CubeLut lut = CubeParser.parse(lutFile);
        List<Item> out = new ArrayList<>();
        for (Item item : in) {
            byte[] png = Images.pngBytes(LutGrader.apply(lut, Images.read(item.file())));
            String id = "graded-" + Sha256.hex(png).substring(0, 24);
            Item graded = ctx.store(id, png, item.id());
            out.add(new Item(graded.id(), graded.file(), item.id(), item.drift(), item.qa()));
        }
        return new Result(out, "graded " + out.size() + " with " + lutFile.getFileName());
    }
}
