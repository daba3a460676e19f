package dev.sitter.library;

import java.math.BigDecimal;

/**
 * A filter over the index; null fields match everything. Dates compare as ISO text on
 * {@code recordedAt} ({@code from} inclusive, {@code to} inclusive of the whole day when it is a bare date).
 */
public record Query(String character, String style, String model, Long seed, String from, String to,
                    String qa, BigDecimal minCost, BigDecimal maxCost, String step) {

    public static final Query ALL = new Query(null, null, null, null, null, null, null, null, null, null);

    public Query withCharacter(String v) { return new Query(v, style, model, seed, from, to, qa, minCost, maxCost, step); }
    public Query withStyle(String v) { return new Query(character, v, model, seed, from, to, qa, minCost, maxCost, step); }
    public Query withModel(String v) { return new Query(character, style, v, seed, from, to, qa, minCost, maxCost, step); }
    public Query withSeed(Long v) { return new Query(character, style, model, v, from, to, qa, minCost, maxCost, step); }
    public Query withFrom(String v) { return new Query(character, style, model, seed, v, to, qa, minCost, maxCost, step); }
    public Query withTo(String v) { return new Query(character, style, model, seed, from, v, qa, minCost, maxCost, step); }
    public Query withQa(String v) { return new Query(character, style, model, seed, from, to, v, minCost, maxCost, step); }
    public Query withMinCost(BigDecimal v) { return new Query(character, style, model, seed, from, to, qa, v, maxCost, step); }
    public Query withMaxCost(BigDecimal v) { return new Query(character, style, model, seed, from, to, qa, minCost, v, step); }
    public Query withStep(String v) { return new Query(character, style, model, seed, from, to, qa, minCost, maxCost, v); }

    /**
     * A tab-delimited value every index line of a matching asset contains, or null. Built only from
     * fields that never change after recording (not QA), and exact-match ones (not model).
     */
    String indexNeedle() {
        if (seed != null) return "\t" + seed + "\t";
        if (character != null && !character.isEmpty() && character.indexOf('\t') < 0) return "\t" + character + "\t";
        if (style != null && !style.isEmpty() && style.indexOf('\t') < 0) return "\t" + style + "\t";
        if (step != null && !step.isEmpty() && step.indexOf('\t') < 0) return "\t" + step + "\t";
        return null;
    }

    public boolean matches(IndexEntry e) {
        if (seed != null && !seed.equals(e.seed())) return false;
        if (character != null && !character.equals(e.character())) return false;
        if (style != null && !style.equals(e.style())) return false;
        if (model != null && (e.model() == null || !e.model().equalsIgnoreCase(model))) return false;
        if (step != null && !step.equals(e.step())) return false;
        if (qa != null && !qa.equals(e.qa())) return false;
        String at = e.recordedAt() == null ? "" : e.recordedAt();
        if (from != null && at.compareTo(from) < 0) return false;
        if (to != null) {
            String upper = to.length() == 10 ? to + "T99" : to; // a bare date includes that whole day
            if (at.compareTo(upper) > 0) return false;
        }
        if (minCost != null && (e.cost() == null || e.cost().compareTo(minCost) < 0)) return false;
        if (maxCost != null && (e.cost() == null || e.cost().compareTo(maxCost) > 0)) return false;
        return true;
    }
}
