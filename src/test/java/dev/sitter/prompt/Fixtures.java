package dev.sitter.prompt;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain-Java definitions for compiler tests (no Groovy involved). */
final class Fixtures {
    static final String SHA1 = "1".repeat(64), SHA2 = "2".repeat(64), SHA3 = "3".repeat(64), SHA_STYLE = "5".repeat(64);

    static CharacterDef mara() {
        return new CharacterDef("mara", "Mara Voss", 34, "olive skin", "short black bob with a silver streak", "green eyes",
                List.of("scar on left cheek", "light freckles"), List.of("confident", "calm"),
                List.of(new AnchorImage("anchors/mara/front.png", SHA1, "frontal"),
                        new AnchorImage("anchors/mara/three-quarter.png", SHA2, "three-quarter"),
                        new AnchorImage("anchors/mara/profile.png", SHA3, "profile")), "Mid");
    }

    static StyleDef style(String id, String model) {
        return new StyleDef(id, model, null, List.of("film noir", "low-key lighting"), null, null);
    }

    static TemplateDef template(String style, Integer w, Integer h) {
        return new TemplateDef("t", style, "cam", "neg", w, h, null, null, null, null, List.of(), new TreeMap<>());
    }

    static TemplateDef template(String style, Integer w, Integer h, Map<String, Object> extra) {
        return new TemplateDef("t", style, "cam", "neg", w, h, null, null, null, null, List.of(), new TreeMap<>(extra));
    }

    static Definitions defs(StyleDef... styles) {
        Definitions d = new Definitions();
        d.put(mara());
        for (StyleDef s : styles) d.put(s);
        d.put(new CameraDef("cam", List.of("85mm f/1.8", "head and shoulders")));
        d.put(new NegativesDef("neg", List.of("extra fingers", "watermark")));
        return d;
    }

    static Compiled compile(Definitions d, TemplateDef t, Long seed, Integer count) {
        return new PromptCompiler(d, ModelProfiles.builtIn()).compile(new PromptRequest(mara(), null, t, seed, count, null, "x.groovy", 3));
    }
}
