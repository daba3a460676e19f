package dev.sitter.repl;

import dev.sitter.model.PromptSpec;
import groovy.lang.Closure;
import groovy.lang.Script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the DSL's script base class, for console tests only: enough vocabulary
 * (character, template, prompt, generate) to exercise definitions, requests and assets.
 */
public abstract class FakeDslScript extends Script {
    /** A definition that prints as DSL. */
    public record Definition(String kind, String id) {
        public String toDsl() { return kind + "('" + id + "') { }"; }
    }

    /** A generated image, shaped like the library's asset records. */
    public record FakeAsset(String id, long seed, int width, int height, double cost, Path path) {}

    public Object character(String id, Closure<?> body) { return define("character", id); }

    public Object template(String id, Closure<?> body) { return define("template", id); }

    public Object style(String id, Closure<?> body) { return define("style", id); }

    @SuppressWarnings("unchecked")
    private Object define(String kind, String id) {
        Definition d = new Definition(kind, id);
        ((Map<String, List<String>>) getBinding().getVariable("__defs")).computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
        getBinding().setVariable(id, d);
        return d;
    }

    public PromptSpec prompt(Map<String, Object> args, Definition who) {
        return spec(args, who, 1);
    }

    public List<FakeAsset> generate(Definition who) { return generate(Map.of(), who); }

    @SuppressWarnings("unchecked")
    public List<FakeAsset> generate(Map<String, Object> args, Definition who) {
        PromptSpec spec = spec(args, who, args.containsKey("count") ? ((Number) args.get("count")).intValue() : 1);
        ((List<PromptSpec>) getBinding().getVariable("__requests")).add(spec);
        long seed = spec.seed() == null ? 777 : spec.seed();
        List<FakeAsset> out = new ArrayList<>();
        for (int i = 0; i < spec.numImages(); i++) {
            out.add(new FakeAsset("img-" + seed + "-" + i, seed, 832, 1216, 1.5, Path.of("out", "img-" + seed + "-" + i + ".png")));
        }
        return out;
    }

    private static PromptSpec spec(Map<String, Object> args, Definition who, int n) {
        Object seed = args.get("seed");
        return PromptSpec.builder().prompt(who.id() + " portrait, " + args.getOrDefault("template", "plain"))
                .seed(seed == null ? null : ((Number) seed).longValue()).numImages(n).size(832, 1216).build();
    }
}
