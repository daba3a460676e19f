package dev.sitter.sandbox;

import java.util.Locale;

/**
 * One image guidance input of a generation, in the sandbox's terms: which image, what it steers
 * (identity, palette or structure) and how hard (0..1).
 */
record Reference(String imageId, boolean uploaded, Role role, double weight) {

    enum Role { CHARACTER, STYLE, CONTENT, GENERIC }

    /** Leonardo's controlnet preprocessor ids per model family (see the research notes, section 1.3). */
    static Role roleOf(int preprocessorId) {
        return switch (preprocessorId) {
            case 133, 397 -> Role.CHARACTER;
            case 67, 166, 431, 298, 299 -> Role.STYLE;
            default -> Role.CONTENT; // 100, 364, 430, 232, 233 content; 19-22 edge/depth/pose: structure too
        };
    }

    /** strengthType buckets mapped to the middle of each documented weight range, scaled to 0..1. */
    static double weightOf(String strengthType, Double weight) {
        if (strengthType != null) {
            return switch (strengthType.toUpperCase(Locale.ROOT)) {
                case "LOW" -> 0.3;
                case "MID" -> 0.6;
                case "HIGH" -> 0.85;
                case "ULTRA" -> 0.95;
                case "MAX" -> 1.0;
                default -> 0.6;
            };
        }
        if (weight != null) return Math.max(0, Math.min(1, weight / 2));
        return 0.6;
    }
}
