package dev.sitter.sandbox;

/** Placeholder registration; the variation endpoints follow in the next step. */
final class VariationEndpoints {
    private final Services s;

    VariationEndpoints(Services s) {
        this.s = s;
    }

    void register(Router v1) {
    }
}
