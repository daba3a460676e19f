package dev.sitter.repl;

import java.util.List;
import java.util.Map;

/**
 * Closed sets of values the completer offers. Presets are Leonardo's {@code sd_generation_style} enum
 * and strengths its {@code strengthType} values (from the published API description); the console only
 * suggests them, the DSL engine decides what is valid.
 */
final class DslVocabulary {
    private DslVocabulary() {}

    static final List<String> PRESETS = List.of("ANIME", "BOKEH", "CINEMATIC", "CINEMATIC_CLOSEUP", "CREATIVE", "DYNAMIC",
            "ENVIRONMENT", "FASHION", "FILM", "FOOD", "GENERAL", "HDR", "ILLUSTRATION", "LEONARDO", "LONG_EXPOSURE", "MACRO",
            "MINIMALISTIC", "MONOCHROME", "MOODY", "NONE", "NEUTRAL", "PHOTOGRAPHY", "PORTRAIT", "RAYTRACED", "RENDER_3D",
            "RETRO", "SKETCH_BW", "SKETCH_COLOR", "STOCK_PHOTO", "VIBRANT", "UNPROCESSED");

    static final List<String> STRENGTHS = List.of("Low", "Mid", "High", "Ultra", "Max");

    static final List<String> POSES = List.of("frontal", "three-quarter", "profile", "back", "full-body");

    static final List<String> UPSCALE_MODES = List.of("ultra", "universal", "creative");

    /** Definition keywords and the kind of id each defines. */
    static final Map<String, String> DEFINES = Map.of(
            "character", "character", "style", "style", "camera", "camera",
            "negatives", "negatives", "template", "template", "pipeline", "pipeline");

    /** Keywords and named arguments whose string argument is an id of a kind ("style 'noir'", "template: 'x'"). */
    static final Map<String, String> ID_ARGUMENT = Map.of(
            "style", "style", "camera", "camera", "negatives", "negatives", "template", "template",
            "character", "character", "run", "pipeline", "pipeline", "pipeline");

    /** Keywords and named arguments whose string argument is a file path. */
    static final List<String> PATH_ARGUMENT = List.of("image", "reference", "include", "lut", "file", "anchor");
}
