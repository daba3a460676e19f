package dev.sitter.prompt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitter.model.AnchorImage;
import dev.sitter.model.CameraDef;
import dev.sitter.model.CharacterDef;
import dev.sitter.model.Json;
import dev.sitter.model.NegativesDef;
import dev.sitter.model.PipelineDef;
import dev.sitter.model.StyleDef;
import dev.sitter.model.TemplateDef;
import dev.sitter.util.Levenshtein;
import dev.sitter.util.Sha256;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every definition a script (or console session) has made, by kind and id, in definition order.
 * Defining an id again replaces the old definition, so a console user can iterate on a style.
 * Each definition's canonical hash is computed once, when it is defined.
 */
public final class Definitions {
    /** The kinds of definition, named as the DSL keyword that makes them. */
    public enum Kind {
        CHARACTER("character"), STYLE("style"), CAMERA("camera"), NEGATIVES("negatives"),
        TEMPLATE("template"), PIPELINE("pipeline");

        public final String keyword;

        Kind(String keyword) { this.keyword = keyword; }
    }

    /**
     * The canonical form hashed for provenance: the definition's JSON without image paths, so the
     * same definitions with the same image bytes hash the same wherever the script runs from.
     */
    private static final ObjectMapper CANONICAL = Json.MAPPER.copy().addMixIn(AnchorImage.class, WithoutPath.class);

    @JsonIgnoreProperties("path")
    private abstract static class WithoutPath { }

    private final Map<Kind, Map<String, Object>> byKind = new HashMap<>();
    private final Map<Object, String> hashes = new HashMap<>();

    public Definitions() {
        for (Kind k : Kind.values()) byKind.put(k, new LinkedHashMap<>());
    }

    public void put(CharacterDef d) { put(Kind.CHARACTER, d.id(), d); }
    public void put(StyleDef d) { put(Kind.STYLE, d.id(), d); }
    public void put(CameraDef d) { put(Kind.CAMERA, d.id(), d); }
    public void put(NegativesDef d) { put(Kind.NEGATIVES, d.id(), d); }
    public void put(TemplateDef d) { put(Kind.TEMPLATE, d.id(), d); }
    public void put(PipelineDef d) { put(Kind.PIPELINE, d.id(), d); }

    private void put(Kind kind, String id, Object def) {
        byKind.get(kind).put(id, def);
        hashOf(def);
    }

    public CharacterDef character(String id) { return (CharacterDef) get(Kind.CHARACTER, id); }
    public StyleDef style(String id) { return (StyleDef) get(Kind.STYLE, id); }
    public CameraDef camera(String id) { return (CameraDef) get(Kind.CAMERA, id); }
    public NegativesDef negatives(String id) { return (NegativesDef) get(Kind.NEGATIVES, id); }
    public TemplateDef template(String id) { return (TemplateDef) get(Kind.TEMPLATE, id); }
    public PipelineDef pipeline(String id) { return (PipelineDef) get(Kind.PIPELINE, id); }

    /** The definition, or null. */
    public Object find(Kind kind, String id) { return byKind.get(kind).get(id); }

    /**
     * The definition.
     *
     * @throws PromptException "unknown style 'nior' (did you mean 'noir'?)" when there is none
     */
    public Object get(Kind kind, String id) {
        Object d = byKind.get(kind).get(id);
        if (d == null) {
            String hint = suggest(kind, id);
            throw new PromptException(kind.keyword, "unknown " + kind.keyword + " '" + id + "'" + hint
                    + (hint.startsWith(" \u2014") ? "" : "; define it with " + kind.keyword + "('" + id + "') { ... } or include a block that does"));
        }
        return d;
    }

    /** " — did you mean 'noir'?", or a list of what is defined, or "" when nothing of that kind is. */
    public String suggest(Kind kind, String id) {
        Map<String, Object> m = byKind.get(kind);
        if (m.isEmpty()) return " (no " + kind.keyword + " is defined yet)";
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String cand : m.keySet()) {
            int d = Levenshtein.distance(id, cand);
            if (d < bestD) { bestD = d; best = cand; }
        }
        if (bestD <= Math.max(2, id.length() / 3)) return " \u2014 did you mean '" + best + "'?";
        return m.size() <= 8 ? " (defined: " + String.join(", ", m.keySet()) + ")" : "";
    }

    /** The ids of one kind, in definition order. */
    public List<String> ids(Kind kind) { return List.copyOf(byKind.get(kind).keySet()); }

    /** All definitions of one kind, in definition order. */
    public Map<String, Object> all(Kind kind) { return Collections.unmodifiableMap(byKind.get(kind)); }

    /**
     * SHA-256 of the definition's canonical JSON (image paths left out, their SHA-256 kept), prefixed by its type. Computed once per distinct
     * definition (records compare by value), so a replaced definition still hashes the same.
     */
    public String hashOf(Object def) {
        return hashes.computeIfAbsent(def, d -> {
            try {
                return Sha256.hex(d.getClass().getSimpleName() + "\n" + CANONICAL.writeValueAsString(d));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot hash definition " + d, e);
            }
        });
    }

    public int size() {
        int n = 0;
        for (Map<String, Object> m : byKind.values()) n += m.size();
        return n;
    }
}
