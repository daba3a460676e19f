package dev.sitter.repl;

import dev.sitter.model.AnchorImage;
import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.PipelineStep;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a definition as the DSL that makes it, so what the console prints can be pasted back into
 * a script. Fields that were not set are left out; the character's compiled identity anchor is
 * added as a comment, because that is the text every prompt opens with.
 */
final class DefinitionDsl {
    private DefinitionDsl() {}

    static Optional<String> of(Object value) {
        if (value instanceof CharacterDef c) return Optional.of(character(c));
        if (value instanceof StyleDef s) return Optional.of(style(s));
        if (value instanceof CameraDef c) return Optional.of(block("camera", c.id(), List.of(tokens(c.tokens()))));
        if (value instanceof NegativesDef n) return Optional.of(block("negatives", n.id(), List.of(tokens(n.tokens()))));
        if (value instanceof TemplateDef t) return Optional.of(template(t));
        if (value instanceof PipelineDef p) return Optional.of(pipeline(p));
        return Optional.empty();
    }

    private static String character(CharacterDef c) {
        List<String> lines = new ArrayList<>();
        if (c.name() != null) lines.add("name " + q(c.name()));
        if (c.age() != null) lines.add("age " + c.age());
        if (c.skin() != null) lines.add("skin " + q(c.skin()));
        if (c.hair() != null) lines.add("hair " + q(c.hair()));
        if (c.eyes() != null) lines.add("eyes " + q(c.eyes()));
        if (!c.features().isEmpty()) lines.add("features " + list(c.features()));
        if (!c.affect().isEmpty()) lines.add("affect " + list(c.affect()));
        if (!c.anchors().isEmpty()) {
            StringBuilder a = new StringBuilder("anchors {");
            for (AnchorImage img : c.anchors()) {
                a.append("\n        image ").append(q(img.path()));
                if (img.pose() != null) a.append(", pose: ").append(q(img.pose()));
            }
            lines.add(a.append("\n    }").toString());
        }
        if (c.referenceStrength() != null) lines.add("reference strength: " + q(c.referenceStrength()));
        String identity;
        try {
            identity = c.identity();
        } catch (RuntimeException e) {
            identity = null;
        }
        String dsl = block("character", c.id(), lines);
        return identity == null || identity.isEmpty() ? dsl : dsl + "\n// identity: " + identity;
    }

    private static String style(StyleDef s) {
        List<String> lines = new ArrayList<>();
        if (s.model() != null) lines.add("model " + q(s.model()));
        if (s.preset() != null) lines.add("preset " + q(s.preset()));
        if (!s.tokens().isEmpty()) lines.add(tokens(s.tokens()));
        if (s.reference() != null) {
            lines.add("reference " + q(s.reference().path()) + (s.referenceStrength() == null ? "" : ", strength: " + q(s.referenceStrength())));
        }
        return block("style", s.id(), lines);
    }

    private static String template(TemplateDef t) {
        List<String> lines = new ArrayList<>();
        if (t.style() != null) lines.add("style " + q(t.style()));
        if (t.camera() != null) lines.add("camera " + q(t.camera()));
        if (t.negatives() != null) lines.add("negatives " + q(t.negatives()));
        if (t.width() != null && t.height() != null) lines.add("size " + t.width() + ", " + t.height());
        if (t.steps() != null) lines.add("steps " + t.steps());
        if (t.guidance() != null) lines.add("guidance " + num(t.guidance()));
        if (t.count() != null) lines.add("count " + t.count());
        if (t.alchemy() != null) lines.add("alchemy " + t.alchemy());
        if (!t.poses().isEmpty()) lines.add("poses " + list(t.poses()));
        if (!t.extra().isEmpty()) lines.add("extra " + named(t.extra()));
        return block("template", t.id(), lines);
    }

    private static String pipeline(PipelineDef p) {
        List<String> lines = new ArrayList<>();
        for (PipelineStep s : p.steps()) {
            List<String> parts = new ArrayList<>();
            if (!s.options().isEmpty()) parts.add(named(s.options()));
            for (Object a : s.args()) parts.add(value(a));
            lines.add(s.name() + (parts.isEmpty() ? "" : " " + String.join(", ", parts)));
        }
        return block("pipeline", p.id(), lines);
    }

    private static String block(String keyword, String id, List<String> lines) {
        if (lines.isEmpty()) return keyword + "(" + q(id) + ") { }";
        StringBuilder sb = new StringBuilder(keyword).append('(').append(q(id)).append(") {\n");
        for (String l : lines) sb.append("    ").append(l).append('\n');
        return sb.append('}').toString();
    }

    private static String tokens(List<String> tokens) { return "tokens " + list(tokens); }

    private static String list(List<String> items) { return String.join(", ", items.stream().map(DefinitionDsl::q).toList()); }

    private static String named(Map<String, Object> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + ": " + value(v)));
        return String.join(", ", parts);
    }

    private static String value(Object v) {
        if (v instanceof CharSequence s) return q(s.toString());
        if (v instanceof Double d) return num(d);
        return String.valueOf(v);
    }

    private static String num(double d) { return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d); }

    /** A single-quoted Groovy string literal. */
    static String q(String s) { return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"; }
}
