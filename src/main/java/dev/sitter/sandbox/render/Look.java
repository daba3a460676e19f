package dev.sitter.sandbox.render;

/**
 * How the picture is made: rendering style, palette hints and lighting mood, from style tokens,
 * presetStyle and the model.
 *
 * @param background  requested background colour, or -1 to let the seed pick
 * @param clothing    requested clothing colour, or -1 to let the seed pick
 * @param tint        a colour grade pulled in by a Style Reference, or -1
 * @param tintWeight  0..1 strength of that grade
 * @param warmth      -1 cool .. +1 warm
 * @param key         0.5 low-key .. 1.2 high-key lighting
 * @param bokeh       soft out-of-focus lights behind the sitter
 * @param saturation  1 = neutral
 * @param zoom        framing: 1 head and shoulders, above 1 closer (close-up), below 1 wider (half body)
 * @param turn        head turn asked for by camera words (0 frontal .. 1 profile), or NaN to let the seed decide
 */
public record Look(Kind kind, int background, int clothing, int tint, double tintWeight, double warmth,
                   double key, boolean bokeh, double saturation, double zoom, double turn) {

    public enum Kind { PHOTOREAL, ANIME, PAINTERLY, NOIR }

    public Look withTint(int rgb, double weight) {
        return new Look(kind, background, clothing, rgb, weight, warmth, key, bokeh, saturation, zoom, turn);
    }

    public Look withKind(Kind k) {
        return new Look(k, background, clothing, tint, tintWeight, warmth, key, bokeh, saturation, zoom, turn);
    }
}
