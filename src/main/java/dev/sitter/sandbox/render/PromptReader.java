package dev.sitter.sandbox.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the identity and style tokens of a prompt with a small fixed vocabulary ("olive skin",
 * "short black bob", "silver streak", "green eyes", "scar on left cheek", "freckles", "glasses",
 * "smiling", "film noir", "anime", ...). The prompt is split into clauses at commas; a colour
 * word applies to the feature named in its own clause. Words in the negative prompt switch
 * features off. Camera words set the framing ("close-up", "half body") and the head's turn
 * ("frontal", "three-quarter", "profile"). Everything it does not recognise is simply ignored.
 */
public final class PromptReader {
    private static final Map<String, Integer> SKIN = ordered(
            "porcelain", 0xf6e0d2, "pale", 0xf3d9c8, "fair", 0xf0d0b8, "light", 0xeac4a8, "peach", 0xf1c6a6,
            "golden", 0xd9a66f, "olive", 0xc79a6b, "tan", 0xc08a5e, "tanned", 0xc08a5e, "bronze", 0xa8703f,
            "brown", 0x8d5a3b, "dark", 0x5c3a24, "deep", 0x52331f, "ebony", 0x45291a, "green", 0x8fb87a,
            "blue", 0x7f9fd0, "grey", 0xa9a9a9, "gray", 0xa9a9a9);
    private static final Map<String, Integer> HAIR = ordered(
            "jet black", 0x121012, "black", 0x1c1a1a, "dark brown", 0x3b2616, "light brown", 0x8a6240,
            "chestnut", 0x6e3b1f, "auburn", 0x8b3a1a, "brown", 0x5a3a22, "strawberry blonde", 0xd08f5a,
            "platinum", 0xe8e0c8, "blonde", 0xd8b56a, "blond", 0xd8b56a, "golden", 0xd4a84a, "ginger", 0xb4471c,
            "copper", 0xb4531c, "red", 0xa8321c, "silver", 0xc8c8cc, "grey", 0x9a9a9a, "gray", 0x9a9a9a,
            "white", 0xeeeeee, "blue", 0x2f5fbf, "pink", 0xe07aa8, "purple", 0x7a3fa8, "violet", 0x7a3fa8,
            "green", 0x3f8f5a, "teal", 0x2a8c8c);
    private static final Map<String, Integer> EYES = ordered(
            "ice blue", 0x8ab8e0, "pale blue", 0x8ab8e0, "dark brown", 0x3a2414, "green", 0x3f8f4f,
            "emerald", 0x2f9a5a, "blue", 0x3a6fc0, "brown", 0x5a3a1e, "hazel", 0x8a6a2e, "grey", 0x7f8a93,
            "gray", 0x7f8a93, "amber", 0xc08a2a, "golden", 0xc8962a, "violet", 0x7a4fb0, "purple", 0x7a4fb0,
            "black", 0x1e1a18, "red", 0xa82020, "silver", 0xb0b4bc);
    private static final Map<String, Integer> COLOURS = ordered(
            "black", 0x1d1d22, "white", 0xeeeeea, "grey", 0x808080, "gray", 0x808080, "red", 0xb02a2a,
            "crimson", 0x9a1b30, "orange", 0xd8782a, "yellow", 0xe0c040, "gold", 0xc8a040, "green", 0x3f8f4f,
            "olive", 0x6b6b2f, "teal", 0x2a8c8c, "blue", 0x3a5fb0, "navy", 0x1f2f5f, "purple", 0x6a3f98,
            "pink", 0xe07aa8, "brown", 0x6a4326, "tan", 0xc09a6a, "beige", 0xd8c8a8, "cream", 0xeee4cc,
            "leather", 0x3a2a20, "denim", 0x4a6a9a, "burgundy", 0x6a1a2a, "emerald", 0x2f9a5a);
    private static final String[] HAIR_NOUNS = {"hair", "bob", "braid", "ponytail", "bun", "curls", "pixie",
            "crew cut", "buzz", "mohawk", "afro", "mane", "locks", "undercut", "fringe", "bangs"};
    private static final String[] CLOTHES = {"jacket", "coat", "shirt", "sweater", "dress", "hoodie", "blouse",
            "suit", "top", "jumper", "cardigan", "tunic", "armor", "armour", "uniform", "robe", "vest"};

    private PromptReader() {}

    /** The identity the prompt describes; unspecified features fall back to defaults that depend only on the identity text. */
    public static Identity identity(String prompt, String negative) {
        String neg = negative == null ? "" : negative.toLowerCase(Locale.ROOT);
        List<String> clauses = clauses(prompt);
        Integer skin = null, hair = null, eyes = null;
        int streak = Identity.NO_STREAK;
        Identity.HairLength length = null;
        boolean curly = false, glasses = false, sunglasses = false, beard = false;
        Identity.Side scar = Identity.Side.NONE;
        int freckles = 0;
        Identity.Expression expression = null;
        java.util.TreeSet<String> canon = new java.util.TreeSet<>(); // structural features only, order-free
        for (String c : clauses) {
            if (c.contains("skin") || c.contains("complexion")) {
                Integer v = firstColour(c, SKIN);
                if (v != null && skin == null) { skin = v; canon.add("skin=" + v); }
            }
            if (c.contains("streak")) {
                String before = c.substring(0, c.indexOf("streak"));
                Integer v = lastColour(before, HAIR);
                streak = v == null ? 0xd0d0d4 : v;
                
            }
            if (containsAny(c, HAIR_NOUNS) || c.contains("bald") || c.contains("shaved head")) {
                String hairPart = c.contains("streak") ? c.substring(0, c.indexOf("streak")) : c;
                if (c.contains("with") && c.indexOf("with") < hairPart.length()) hairPart = hairPart.substring(0, c.indexOf("with"));
                Integer v = firstColour(hairPart, HAIR);
                if (v != null && hair == null) { hair = v; canon.add("hair=" + v); }
                Identity.HairLength l = hairLength(c);
                if (l != null && length == null) { length = l; canon.add("len=" + l); }
                if (c.contains("curl") || c.contains("afro") || c.contains("wavy")) { curly = true; canon.add("curly"); }
            }
            if (c.contains("eyes") || c.contains("eyed")) {
                Integer v = firstColour(c, EYES);
                if (v != null && eyes == null) { eyes = v; canon.add("eyes=" + v); }
            }
            if (c.contains("sunglasses")) { sunglasses = true;  }
            else if (c.contains("glasses") || c.contains("spectacles")) { glasses = true;  }
            if (c.contains("scar")) {
                scar = c.contains("right") ? Identity.Side.RIGHT : Identity.Side.LEFT;
            }
            if (c.contains("freckle")) {
                freckles = c.contains("light") || c.contains("faint") || c.contains("few") ? 1 : 2;
            }
            if (c.contains("beard") || c.contains("stubble") || c.contains("moustache") || c.contains("mustache")) {
                beard = true;
                canon.add("beard");
            }
            if (expression == null) expression = expression(c);
        }
        // The negative prompt removes what it names.
        if (neg.contains("glasses")) { glasses = false; sunglasses = false; }
        if (neg.contains("scar")) scar = Identity.Side.NONE;
        if (neg.contains("freckle")) freckles = 0;
        if (neg.contains("beard")) beard = false;

        long layout = SplitMix64.derive(0x5177E2L, String.join(";", canon));
        SplitMix64 rng = new SplitMix64(layout);
        if (skin == null) skin = pick(rng, new int[] {0xe8bfa0, 0xd8a884, 0xc69170, 0xa87552, 0x8a5c3e});
        else rng.nextLong();
        if (hair == null) hair = pick(rng, new int[] {0x2a201c, 0x4a3020, 0x6e4a2c, 0xb89a5e});
        else rng.nextLong();
        if (eyes == null) eyes = pick(rng, new int[] {0x5a3a1e, 0x3a6fc0, 0x3f8f4f, 0x7f8a93});
        else rng.nextLong();
        if (length == null) length = Identity.HairLength.values()[1 + rng.nextInt(4)];
        return new Identity(skin, hair, length, curly, streak, eyes, glasses, sunglasses, scar, freckles,
                expression == null ? Identity.Expression.NEUTRAL : expression, beard, layout);
    }

    /** The rendering style and palette hints, from prompt tokens first, then presetStyle, then the model. */
    public static Look look(String prompt, String presetStyle, String modelId) {
        String p = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        String preset = presetStyle == null ? "" : presetStyle.toUpperCase(Locale.ROOT);
        Look.Kind kind;
        if (containsAny(p, "noir", "monochrome", "black and white", "black-and-white", "b&w", "grayscale", "greyscale")) kind = Look.Kind.NOIR;
        else if (containsAny(p, "anime", "manga", "cel shad", "cel-shad", "cartoon", "comic")) kind = Look.Kind.ANIME;
        else if (containsAny(p, "painterly", "oil painting", "painting", "watercolor", "watercolour", "impasto", "gouache", "brushstroke")) kind = Look.Kind.PAINTERLY;
        else if (containsAny(p, "photoreal", "photograph", "photo", "35mm", "85mm", "dslr", "realistic")) kind = Look.Kind.PHOTOREAL;
        else if (preset.equals("ANIME")) kind = Look.Kind.ANIME;
        else if (preset.equals("MONOCHROME") || preset.equals("SKETCH_BW")) kind = Look.Kind.NOIR;
        else if (preset.equals("ILLUSTRATION") || preset.equals("SKETCH_COLOR") || preset.equals("CREATIVE")) kind = Look.Kind.PAINTERLY;
        else if ("e71a1c2f-4f80-4800-934f-2c68979d8cc8".equals(modelId)) kind = Look.Kind.ANIME;
        else kind = Look.Kind.PHOTOREAL;

        int background = -1, clothing = -1;
        for (String c : clauses(p)) {
            if (c.contains("background") && background < 0) {
                Integer v = firstColour(c, COLOURS);
                if (v != null) background = v;
            }
            if (containsAny(c, CLOTHES) && clothing < 0) {
                Integer v = firstColour(c, COLOURS);
                if (v != null) clothing = v;
            }
        }
        double warmth = 0;
        if (containsAny(p, "warm", "golden hour", "sunset", "candle")) warmth += 0.6;
        if (containsAny(p, "cool", "teal", "moonlight", "blue hour", "cold")) warmth -= 0.6;
        double key = 1.0;
        if (containsAny(p, "low-key", "low key", "moody", "dark", "chiaroscuro") || preset.equals("MOODY")) key = 0.7;
        if (containsAny(p, "high-key", "high key", "bright", "airy")) key = 1.15;
        boolean bokeh = containsAny(p, "bokeh", "shallow depth of field", "f/1.", "f/2") || preset.equals("BOKEH");
        double sat = preset.equals("VIBRANT") || p.contains("vibrant") ? 1.3 : (p.contains("muted") || p.contains("desaturated") ? 0.7 : 1.0);
        double zoom = 1.0;
        if (containsAny(p, "extreme close-up", "extreme closeup")) zoom = 1.45;
        else if (containsAny(p, "close-up", "closeup", "headshot", "tight portrait")) zoom = 1.2;
        else if (containsAny(p, "half body", "half-body", "waist up", "waist-up", "medium shot", "upper body")) zoom = 0.8;
        double turn = Double.NaN;
        if (containsAny(p, "profile", "side view")) turn = 0.95;
        else if (containsAny(p, "three-quarter", "three quarter", "3/4 view")) turn = 0.55;
        else if (containsAny(p, "frontal", "front view", "facing the camera", "facing camera")) turn = 0;
        return new Look(kind, background, clothing, -1, 0, warmth, key, bokeh, sat, zoom, turn);
    }

    static Identity.HairLength hairLength(String c) {
        if (c.contains("bald") || c.contains("shaved head")) return Identity.HairLength.BALD;
        if (c.contains("bob")) return Identity.HairLength.BOB;
        if (containsAny(c, "shoulder", "medium-length", "medium length", "mid-length")) return Identity.HairLength.SHOULDER;
        if (containsAny(c, "long", "flowing", "waist")) return Identity.HairLength.LONG;
        if (containsAny(c, "short", "pixie", "crew cut", "buzz", "cropped", "undercut", "mohawk")) return Identity.HairLength.SHORT;
        return null;
    }

    static Identity.Expression expression(String c) {
        if (containsAny(c, "smiling", "smile", "grin", "laugh", "happy", "cheerful", "joyful")) return Identity.Expression.SMILE;
        if (containsAny(c, "calm", "serene", "peaceful", "relaxed", "gentle")) return Identity.Expression.CALM;
        if (containsAny(c, "confident", "determined", "smirk", "proud", "self-assured")) return Identity.Expression.CONFIDENT;
        if (containsAny(c, "serious", "stern", "stoic", "neutral expression")) return Identity.Expression.SERIOUS;
        if (containsAny(c, "sad", "melanchol", "sorrow", "tearful")) return Identity.Expression.SAD;
        if (containsAny(c, "angry", "furious", "scowl", "fierce")) return Identity.Expression.ANGRY;
        if (containsAny(c, "surprised", "shocked", "astonished")) return Identity.Expression.SURPRISED;
        return null;
    }

    static List<String> clauses(String prompt) {
        List<String> out = new ArrayList<>();
        if (prompt == null) return out;
        for (String c : prompt.toLowerCase(Locale.ROOT).split("[,;.\\n|]")) {
            String t = c.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** The colour whose name appears earliest in the text (longest name first at equal position). */
    static Integer firstColour(String text, Map<String, Integer> vocab) {
        int bestPos = Integer.MAX_VALUE, bestLen = 0;
        Integer best = null;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int pos = wordIndex(text, e.getKey());
            if (pos >= 0 && (pos < bestPos || (pos == bestPos && e.getKey().length() > bestLen))) {
                bestPos = pos; bestLen = e.getKey().length(); best = e.getValue();
            }
        }
        return best;
    }

    static Integer lastColour(String text, Map<String, Integer> vocab) {
        int bestPos = -1;
        Integer best = null;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int pos = text.lastIndexOf(e.getKey());
            if (pos >= 0 && wordAt(text, pos, e.getKey().length()) && pos + e.getKey().length() > bestPos) {
                bestPos = pos + e.getKey().length(); best = e.getValue();
            }
        }
        return best;
    }

    static int wordIndex(String text, String word) {
        int from = 0;
        while (true) {
            int i = text.indexOf(word, from);
            if (i < 0) return -1;
            if (wordAt(text, i, word.length())) return i;
            from = i + 1;
        }
    }

    private static boolean wordAt(String text, int i, int len) {
        boolean startOk = i == 0 || !Character.isLetter(text.charAt(i - 1));
        int end = i + len;
        boolean endOk = end >= text.length() || !Character.isLetter(text.charAt(end)) || text.startsWith("ish", end)
                || text.startsWith("e", end) && text.startsWith("blond", i);
        return startOk && endOk;
    }

    static boolean containsAny(String text, String... words) {
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }

    private static int pick(SplitMix64 rng, int[] options) {
        return options[rng.nextInt(options.length)];
    }

    private static Map<String, Integer> ordered(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Integer) kv[i + 1]);
        return m;
    }
}
