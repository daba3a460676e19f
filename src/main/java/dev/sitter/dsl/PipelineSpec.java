package dev.sitter.dsl;

import dev.sitter.model.PipelineDef;
import dev.sitter.model.PipelineStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code pipeline('pack') { ... }}: steps recorded as data, in order. Each step keyword
 * takes named options and/or plain values; the pipeline runner gives them meaning.
 */
public final class PipelineSpec extends BlockSpec {
    private static final Map<String, String> EXAMPLES = Map.of(
            "explore", "explore count: 8, size: '512x768', steps: 15", "select", "select top: 2",
            "refine", "refine strength: 0.35", "qa", "qa 'eyes match the anchors'", "upscale", "upscale mode: 'ultra'",
            "grade", "grade lut: 'luts/teal-orange.cube'", "export", "export 'png', 'jpg'",
            "removeBackground", "removeBackground()", "inpaint", "inpaint mask: 'masks/eyes.png', prompt: 'clear green eyes'",
            "composite", "composite from: 'master', mask: 'masks/eyes.png'");
    private final List<PipelineStep> steps = new ArrayList<>();

    PipelineSpec(SitterShell shell, String id) {
        super(shell, "pipeline", id);
    }

    @Override Map<String, String> examples() { return EXAMPLES; }

    public void explore(Map<String, Object> o, Object... a) { step("explore", o, a); }
    public void explore(Object... a) { step("explore", Map.of(), a); }
    public void select(Map<String, Object> o, Object... a) { step("select", o, a); }
    public void select(Object... a) { step("select", Map.of(), a); }
    public void refine(Map<String, Object> o, Object... a) { step("refine", o, a); }
    public void refine(Object... a) { step("refine", Map.of(), a); }
    public void qa(Map<String, Object> o, Object... a) { step("qa", o, a); }
    public void qa(Object... a) { step("qa", Map.of(), a); }
    public void upscale(Map<String, Object> o, Object... a) { step("upscale", o, a); }
    public void upscale(Object... a) { step("upscale", Map.of(), a); }
    public void grade(Map<String, Object> o, Object... a) { step("grade", o, a); }
    public void grade(Object... a) { step("grade", Map.of(), a); }
    public void export(Map<String, Object> o, Object... a) { step("export", o, a); }
    public void export(Object... a) { step("export", Map.of(), a); }
    public void removeBackground(Map<String, Object> o, Object... a) { step("removeBackground", o, a); }
    public void removeBackground(Object... a) { step("removeBackground", Map.of(), a); }
    public void inpaint(Map<String, Object> o, Object... a) { step("inpaint", o, a); }
    public void inpaint(Object... a) { step("inpaint", Map.of(), a); }
    public void composite(Map<String, Object> o, Object... a) { step("composite", o, a); }
    public void composite(Object... a) { step("composite", Map.of(), a); }

    private void step(String name, Map<String, Object> opts, Object[] args) {
        TreeMap<String, Object> o = new TreeMap<>();
        opts.forEach((k, v) -> o.put(k, Args.json(v, name, where())));
        List<Object> a = new ArrayList<>();
        for (Object v : Arrays.asList(args)) a.add(Args.json(v, name, where()));
        steps.add(new PipelineStep(name, o, a, shell.callSite().line()));
    }

    PipelineDef build() {
        return new PipelineDef(id, steps, shell.currentDir()); // an included pipeline finds its files beside its own file
    }
}
