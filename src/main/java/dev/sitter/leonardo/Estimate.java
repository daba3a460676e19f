package dev.sitter.leonardo;

/**
 * {@code POST /pricing-calculator}'s answer: an integer cost (Leonardo gives no unit here; on a
 * credits plan it is API credits) for a service such as IMAGE_GENERATION.
 */
public record Estimate(String service, long cost) {}
