package dev.sitter.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.leonardo.GenerationBody;
import dev.sitter.leonardo.ImageIds;
import dev.sitter.model.InitImage;
import dev.sitter.model.Json;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PromptSpec;
import dev.sitter.model.Surface;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sitter run --dry-run}: every command prints the exact JSON body it would send (to
 * {@code out}, one pretty JSON document per request) with a one-line {@code #} header saying which
 * endpoint and script line (to {@code notes}), and nothing is sent. Uploads are shown as
 * {@code <upload sha256:...>} placeholders; images that a dry run did not make are shown as
 * {@code <generated N.M>} placeholders so refine/upscale chains still print.
 */
public final class DryRunStudio implements Studio {
    private java.util.function.Consumer<PipelineDef> pipelineCheck = p -> { };
    private final PrintStream out;
    private final PrintStream notes;
    private final SitterShell shell;
    private int requests;

    /**
     * @param out   receives the JSON bodies
     * @param notes receives one {@code #} header line per request
     * @param shell the shell running the script, so headers name the script line; may be null
     */
    public DryRunStudio(PrintStream out, PrintStream notes, SitterShell shell) {
        this.out = out;
        this.notes = notes;
        this.shell = shell;
    }

    /** Stands for an image a dry run would have made. */
    public record DryRunImage(int request, int index, PromptSpec spec) {
        public String id() { return "<generated " + request + "." + index + ">"; }

        @Override public String toString() { return "dry-run image " + id() + " (not generated)"; }
    }

    @Override public List<?> generate(PromptSpec spec) {
        int n = ++requests;
        print("generate", spec, GenerationBody.of(spec, ImageIds.placeholders()));
        int count = spec.numImages() != null ? spec.numImages() : spec.surface() == Surface.V1 ? 4 : 1;
        List<DryRunImage> images = new ArrayList<>();
        for (int i = 1; i <= count; i++) images.add(new DryRunImage(n, i, spec));
        return images;
    }

    @Override public Object refine(Object asset, PromptSpec spec, double strength) {
        DryRunImage image = image(asset, "refine");
        PromptSpec base = spec != null ? spec : image.spec();
        PromptSpec refined = base.toBuilder().numImages(1).init(new InitImage(null, null, image.id(), strength)).build();
        int n = ++requests;
        print("refine", refined, GenerationBody.of(refined, ImageIds.placeholders()));
        return new DryRunImage(n, 1, refined);
    }

    @Override public Object inpaint(Object asset, Path mask, PromptSpec spec, Double strength) {
        DryRunImage image = image(asset, "inpaint");
        notes.println("# inpaint " + image.id() + " with mask " + mask.getFileName() + ": canvas inpainting is not shown in a dry run");
        return image;
    }

    @Override public Object composite(Object asset, Object from, Path mask, Double denoise, Integer feather) {
        DryRunImage image = image(asset, "composite");
        notes.println("# composite " + image.id() + ": the patch under mask " + mask.getFileName() + " would be pasted from "
                + (from instanceof DryRunImage d ? d.id() : String.valueOf(from)) + " locally, then blended by canvas inpainting"
                + " (denoise " + (denoise == null ? dev.sitter.pipeline.CompositeOptions.DEFAULT_DENOISE : denoise) + "); not shown in a dry run");
        return image;
    }

    @Override public Object upscale(Object asset, Map<String, Object> options) {
        DryRunImage image = image(asset, "upscale");
        dev.sitter.model.Provenance.Operation op = UpscaleOptions.operation(options);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put(op.endpoint().equals(UpscaleOptions.CLASSIC) ? "id" : "generatedImageId", image.id());
        op.params().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        emit("# upscale " + image.id() + ": POST /api/rest/v1" + op.endpoint(), Json.pretty(body));
        return image;
    }

    @Override public Object removeBackground(Object asset) {
        DryRunImage image = image(asset, "removeBackground");
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", image.id());
        emit("# removeBackground " + image.id() + ": POST /api/rest/v1/variations/nobg", Json.pretty(body));
        return image;
    }

    @Override public Object estimate(PromptSpec spec) {
        notes.println("# estimate" + at(spec) + ": the cost of this request would be asked for (POST /api/rest/v1/pricing-calculator)");
        return "estimate not queried in a dry run";
    }

    @Override public Object credits() {
        notes.println("# credits: not queried in a dry run");
        return "credits not queried in a dry run";
    }

    @Override public Object models() {
        notes.println("# models: not queried in a dry run");
        return "models not queried in a dry run";
    }

    /**
     * Also checks every pipeline a {@code run} line would start (e.g. that someone can answer its
     * {@code select by: 'ask'}); a check throws a {@link DslException} to stop the script there.
     */
    public DryRunStudio checkingPipelines(java.util.function.Consumer<PipelineDef> check) {
        this.pipelineCheck = check;
        return this;
    }

    @Override public Object runPipeline(PipelineDef pipeline, PromptSpec spec, Map<String, Object> options) {
        pipelineCheck.accept(pipeline);
        notes.println("# run pipeline '" + pipeline.id() + "'" + at(spec) + ": " + pipeline.steps().size()
                + " steps, starting from this request");
        int n = ++requests;
        print("run '" + pipeline.id() + "'", spec, GenerationBody.of(spec, ImageIds.placeholders()));
        return List.of(new DryRunImage(n, 1, spec));
    }

    private void print(String command, PromptSpec spec, ObjectNode body) {
        String endpoint = spec.surface() == Surface.V2 ? "POST /api/rest/v2/generations" : "POST /api/rest/v1/generations";
        emit("# " + command + at(spec) + ": " + endpoint, Json.pretty(body));
    }

    /** Header to notes, body to out; flushed in that order so a terminal shows them interleaved correctly. */
    private void emit(String header, String json) {
        out.flush();
        notes.println(header);
        notes.flush();
        out.println(json);
        out.flush();
    }

    private String at(PromptSpec spec) {
        CallSite here = shell == null ? CallSite.NONE : shell.callSite();
        if (here.file() != null) return " (" + here.file() + ":" + here.line() + ")";
        return spec.recipe().sourceFile() == null ? "" : " (" + spec.recipe().sourceFile() + ":" + spec.recipe().sourceLine() + ")";
    }

    private static DryRunImage image(Object asset, String command) {
        if (asset instanceof DryRunImage d) return d;
        throw new DslException("`" + command + "` needs an image made earlier in this run (e.g. shots[0] from generate); got "
                + Args.show(asset)).token(command);
    }
}
