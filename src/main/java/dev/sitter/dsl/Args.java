package dev.sitter.dsl;

import dev.sitter.util.Levenshtein;
import groovy.lang.Closure;
import groovy.lang.GString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Converts and checks the values a script passes to DSL keywords, with messages a user can act on. */
final class Args {
    private Args() {}

    static String text(Object v, String keyword, String where, String example) {
        if (v instanceof CharSequence s) return s.toString();
        throw new DslException("`" + keyword + "`" + where + " takes text in quotes, e.g. " + example + "; got " + show(v))
                .token(keyword);
    }

    static List<String> texts(Object[] vs, String keyword, String where, String example) {
        if (vs.length == 0) {
            throw new DslException("`" + keyword + "`" + where + " needs at least one value, e.g. " + example).token(keyword);
        }
        List<String> out = new ArrayList<>();
        for (Object v : vs) {
            if (v instanceof Collection<?> c) {
                for (Object o : c) out.add(text(o, keyword, where, example));
            } else {
                out.add(text(v, keyword, where, example));
            }
        }
        return out;
    }

    static int integer(Object v, String keyword, String where, String example) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            long l = ((Number) v).longValue();
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return (int) l;
        }
        if (v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) return d.intValueExact();
        throw new DslException("`" + keyword + "`" + where + " takes a whole number, e.g. " + example + "; got " + show(v))
                .token(keyword);
    }

    static long longValue(Object v, String keyword, String where, String example) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            BigInteger b = new BigInteger(v.toString());
            if (b.bitLength() < 64) return b.longValue();
        }
        throw new DslException("`" + keyword + "`" + where + " takes a whole number, e.g. " + example + "; got " + show(v))
                .token(keyword);
    }

    static double number(Object v, String keyword, String where, String example) {
        if (v instanceof Number n) return n.doubleValue();
        throw new DslException("`" + keyword + "`" + where + " takes a number, e.g. " + example + "; got " + show(v))
                .token(keyword);
    }

    static boolean bool(Object v, String keyword, String where, String example) {
        if (v instanceof Boolean b) return b;
        throw new DslException("`" + keyword + "`" + where + " takes true or false, e.g. " + example + "; got " + show(v))
                .token(keyword);
    }

    /** Rejects option names not in {@code allowed}, suggesting the closest. */
    static void options(Map<?, ?> opts, Collection<String> allowed, String keyword, String where) {
        for (Object k : opts.keySet()) {
            String key = String.valueOf(k);
            if (!allowed.contains(key)) {
                String hint = didYouMean(key, allowed, "`", ":`");
                throw new DslException("unknown option `" + key + ":` for `" + keyword + "`" + where + (hint.isEmpty()
                        ? "; it takes " + (allowed.isEmpty() ? "no options" : String.join(", ", allowed.stream().map(a -> a + ":").toList()))
                        : hint)).token(key);
            }
        }
    }

    /** " — did you mean `hair`?" or "". */
    static String didYouMean(String word, Collection<String> candidates, String open, String close) {
        String best = closest(word, candidates);
        return best == null ? "" : " \u2014 did you mean " + open + best + close + "?";
    }

    static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = Levenshtein.distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestD) { bestD = d; best = c; }
        }
        return best != null && bestD <= Math.max(2, word.length() / 3) ? best : null;
    }

    /** Canonical spelling of a strength word (Low/Mid/High/Ultra/Max), checked against {@code allowed}. */
    static String strength(Object v, List<String> allowed, String where) {
        if (v instanceof CharSequence s) {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s.toString().strip())) return a;
            }
        }
        throw new DslException("reference strength " + show(v) + where + " is not one of " + String.join(", ", allowed)
                + "; write e.g. strength: '" + allowed.get(Math.min(1, allowed.size() - 1)) + "'").token("strength");
    }

    /** Copies a value into plain JSON-able Java (strings, numbers, booleans, lists, sorted maps). */
    static Object json(Object v, String keyword, String where) {
        if (v == null || v instanceof Boolean || v instanceof String) return v;
        if (v instanceof GString g) return g.toString();
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        if (v instanceof Number n) return n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object o : c) out.add(json(o, keyword, where));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), json(e.getValue(), keyword, where));
            return out;
        }
        throw new DslException("`" + keyword + "`" + where + " passes values to the API as JSON, so it takes text, numbers,"
                + " true/false, lists and maps; got " + show(v)).token(keyword);
    }

    static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** How a value looks to the user: 'text', 42, a { ... } block, a character. */
    static String show(Object v) {
        if (v == null) return "nothing (null)";
        if (v instanceof CharSequence s) return "'" + s + "'";
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        if (v instanceof Closure<?>) return "a { ... } block";
        if (v instanceof Map<?, ?> m) return "named options " + m.keySet();
        if (v instanceof Collection<?> c) return "a list of " + c.size();
        return dev.sitter.util.Words.a(v.getClass().getSimpleName());
    }
}
