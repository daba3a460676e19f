package dev.sitter.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of {@code camera('portrait85') { tokens ... }} and {@code negatives('hard') { tokens ... }}. */
public final class TokensSpec extends BlockSpec {
    private final List<String> tokens = new ArrayList<>();
    private final String example;

    TokensSpec(SitterShell shell, String kind, String id, String example) {
        super(shell, kind, id);
        this.example = example;
    }

    @Override Map<String, String> examples() { return Map.of("tokens", example); }

    public void tokens(Object... v) { tokens.addAll(Args.texts(v, "tokens", where(), example)); }

    List<String> tokens() { return tokens; }
}
