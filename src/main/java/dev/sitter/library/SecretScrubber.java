package dev.sitter.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Last line of defence for "the API key never reaches disk": every text the library writes
 * (records, embedded metadata, index, ledger, journal) passes through here, and any occurrence
 * of a known secret is replaced by {@value #MASK}. Secrets shorter than 8 characters are ignored
 * (they would match ordinary words).
 */
public final class SecretScrubber implements UnaryOperator<String> {
    public static final String MASK = "[REDACTED]";
    private static final String[] ENV_KEYS = {"LEONARDO_API_KEY"};

    private final List<String> secrets;

    public SecretScrubber(List<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String x : secrets) if (x != null && x.strip().length() >= 8) s.add(x.strip());
        this.secrets = List.copyOf(s);
    }

    /** The secrets found in this environment (LEONARDO_API_KEY). */
    public static SecretScrubber fromEnv(Map<String, String> env) {
        List<String> s = new ArrayList<>();
        for (String k : ENV_KEYS) s.add(env.get(k));
        return new SecretScrubber(s);
    }

    @Override
    public String apply(String text) {
        if (text == null) return null;
        String out = text;
        for (String s : secrets) if (out.contains(s)) out = out.replace(s, MASK);
        return out;
    }
}
