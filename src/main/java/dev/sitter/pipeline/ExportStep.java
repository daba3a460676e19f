package dev.sitter.pipeline;

import dev.sitter.imaging.ContactSheet;
import dev.sitter.imaging.Gallery;
import dev.sitter.imaging.GalleryItem;
import dev.sitter.imaging.Images;
import dev.sitter.imaging.JpegExport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code export 'png', 'jpg', to: 'out/mara'}: writes each image as the listed formats (named
 * {@code <n>-<id>.<ext>}), a {@code contact-sheet.png} and an {@code index.html} gallery with each
 * image's recipe. Pixels only: provenance is embedded by the library's export (joined by the caller
 * through {@link PipelineRunner.Settings#recipes}).
 */
final class ExportStep implements Step {
    static final Set<String> OPTIONS = Set.of("to", "quality");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        formats(o);
        o.integer("quality", JpegExport.DEFAULT_QUALITY, 1, 100);
        o.text("to", null);
    }

    private static List<String> formats(StepOptions o) {
        List<String> formats = o.texts();
        for (String f : formats) {
            if (!f.equals("png") && !f.equals("jpg")) {
                throw o.error("format '" + f + "' is not supported", "use 'png' and/or 'jpg'");
            }
        }
        return formats.isEmpty() ? List.of("png") : formats;
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        List<String> formats = formats(o);
        int quality = o.integer("quality", JpegExport.DEFAULT_QUALITY, 1, 100);
        Path dir = o.has("to") ? ctx.settings().resolve(o.text("to", null)) : ctx.settings().runDir().resolve("export");
        if (in.isEmpty()) {
            throw o.error("there are no images to export", "check the steps before export (did QA fail them all?)");
        }
        List<GalleryItem> gallery = new ArrayList<>();
        int n = 1;
        for (Item item : in) {
            String base = String.format(Locale.ROOT, "%02d-%s", n, RunContext.displayId(item.id()));
            Path first = null;
            for (String f : formats) {
                Path file = dir.resolve(base + "." + f);
                if (f.equals("png")) {
                    Images.writePng(Images.read(item.file()), file);
                } else {
                    JpegExport.write(Images.read(item.file()), file, quality);
                }
                first = first == null ? file : first;
            }
            String caption = RunContext.displayId(item.id()) + (item.drift() == null ? "" : String.format(Locale.ROOT, "\ndrift %.3f", item.drift()));
            gallery.add(new GalleryItem(first, caption, ctx.settings().recipes().recipe(item, ctx.lineage(item))));
            n++;
        }
        ContactSheet.write(gallery, dir.resolve("contact-sheet.png"));
        Gallery.write(gallery, dir, "pipeline '" + ctx.pipelineId + "'");
        return new Result(in, "exported " + in.size() + " as " + String.join(", ", formats) + " to " + dir);
    }
}
