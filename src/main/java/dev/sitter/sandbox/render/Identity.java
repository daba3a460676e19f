package dev.sitter.sandbox.render;

/**
 * Who is in the picture: the features a prompt's identity tokens ask for, plus a face layout
 * derived from them (so one character keeps one face across seeds). Colours are packed RGB.
 *
 * @param layoutSeed drives face proportions; equal identity text gives an equal face
 */
public record Identity(int skin, int hair, HairLength hairLength, boolean curly, int streak, int eyes,
                       boolean glasses, boolean sunglasses, Side scar, int freckles, Expression expression,
                       boolean beard, long layoutSeed) {

    public enum HairLength { BALD, SHORT, BOB, SHOULDER, LONG }

    public enum Side { NONE, LEFT, RIGHT }

    public enum Expression { NEUTRAL, SMILE, CALM, CONFIDENT, SERIOUS, SAD, ANGRY, SURPRISED }

    /** No streak. */
    public static final int NO_STREAK = -1;

    public Identity withExpression(Expression e) {
        return new Identity(skin, hair, hairLength, curly, streak, eyes, glasses, sunglasses, scar, freckles, e, beard, layoutSeed);
    }

    /**
     * Pulls this identity towards {@code anchor} by {@code weight} in [0, 1]: colours blend
     * continuously; discrete features (hair length, glasses, scar, freckles, face layout) switch
     * to the anchor's once the weight passes one half. This is what a Character Reference does.
     */
    public Identity towards(Identity anchor, double weight) {
        boolean take = weight >= 0.5;
        return new Identity(Rgb.mix(skin, anchor.skin, weight), Rgb.mix(hair, anchor.hair, weight),
                take ? anchor.hairLength : hairLength, take ? anchor.curly : curly,
                take ? anchor.streak : streak, Rgb.mix(eyes, anchor.eyes, weight),
                take ? anchor.glasses : glasses, take ? anchor.sunglasses : sunglasses,
                take ? anchor.scar : scar, take ? anchor.freckles : freckles, expression,
                take ? anchor.beard : beard, take ? anchor.layoutSeed : layoutSeed);
    }

    /** Compact text form stored in the PNGs the sandbox renders, so a render used as an anchor can be read back. */
    public String encode() {
        return String.join(";", Rgb.hex(skin), Rgb.hex(hair), hairLength.name(), Boolean.toString(curly),
                streak == NO_STREAK ? "none" : Rgb.hex(streak), Rgb.hex(eyes), Boolean.toString(glasses),
                Boolean.toString(sunglasses), scar.name(), Integer.toString(freckles), expression.name(),
                Boolean.toString(beard), Long.toString(layoutSeed));
    }

    /** Inverse of {@link #encode}; null when the text is not an encoded identity. */
    public static Identity decode(String s) {
        try {
            String[] p = s.split(";");
            if (p.length != 13) return null;
            return new Identity(Rgb.parseHex(p[0]), Rgb.parseHex(p[1]), HairLength.valueOf(p[2]),
                    Boolean.parseBoolean(p[3]), p[4].equals("none") ? NO_STREAK : Rgb.parseHex(p[4]),
                    Rgb.parseHex(p[5]), Boolean.parseBoolean(p[6]), Boolean.parseBoolean(p[7]), Side.valueOf(p[8]),
                    Integer.parseInt(p[9]), Expression.valueOf(p[10]), Boolean.parseBoolean(p[11]), Long.parseLong(p[12]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
