package dev.sitter.leonardo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Decides live or sandbox from the environment. Live when {@code LEONARDO_API_KEY} is set, or the
 * 0600 file {@code ~/.sitter/credentials} holds a key; base URL {@code LEONARDO_BASE_URL} (default
 * Leonardo's), v2 base {@code LEONARDO_V2_BASE_URL} (default derived), upload-id cache in
 * {@code SITTER_CACHE_DIR} (default {@code ~/.sitter/cache}).
 */
public final class LeonardoEnvironment {
    public static final String KEY_VAR = "LEONARDO_API_KEY";
    public static final String BASE_VAR = "LEONARDO_BASE_URL";
    public static final String V2_BASE_VAR = "LEONARDO_V2_BASE_URL";
    public static final String CACHE_VAR = "SITTER_CACHE_DIR";

    private LeonardoEnvironment() {}

    /**
     * @return a live configuration, or empty when no key is configured (run against the sandbox)
     * @throws LeonardoException (CONFIG) for a malformed key or an unsafe credentials file
     */
    public static Optional<ClientConfig> live(Map<String, String> env, Path home) {
        Optional<ApiKey> key = keyFrom(env, home);
        if (key.isEmpty()) return Optional.empty();
        String base = env.getOrDefault(BASE_VAR, "").isBlank() ? ClientConfig.LIVE_BASE_URL : env.get(BASE_VAR);
        checkUrl(base, BASE_VAR);
        String v2 = env.get(V2_BASE_VAR);
        if (v2 != null && v2.isBlank()) v2 = null;
        if (v2 != null) checkUrl(v2, V2_BASE_VAR);
        return Optional.of(ClientConfig.builder(base, key.get()).v2BaseUrl(v2).live(true)
                .cacheDir(cacheDir(env, home)).build());
    }

    /** Where the key would come from, for a status line: "LEONARDO_API_KEY", the file path, or "none". */
    public static String keySource(Map<String, String> env, Path home) {
        if (env.get(KEY_VAR) != null && !env.get(KEY_VAR).isBlank()) return KEY_VAR;
        Path file = CredentialsFile.defaultPath(home);
        return CredentialsFile.read(file).isPresent() ? file.toString() : "none";
    }

    /**
     * A configuration for the offline sandbox at {@code baseUrl}: no real key (a placeholder is sent
     * so the sandbox can check the header), faster polling, same limits as Leonardo.
     */
    public static ClientConfig sandbox(String baseUrl, Path cacheDir) {
        return ClientConfig.builder(baseUrl, ApiKey.of("sandbox-key")).live(false)
                .poll(new PollPolicy(Duration.ofMillis(200), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)), Duration.ofMinutes(5)))
                .retry(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .reconcileWait(Duration.ofSeconds(5))
                .cacheDir(cacheDir).build();
    }

    static Optional<ApiKey> keyFrom(Map<String, String> env, Path home) {
        String raw = env.get(KEY_VAR);
        if (raw != null && !raw.isBlank()) {
            try {
                return Optional.of(ApiKey.of(raw));
            } catch (IllegalArgumentException bad) {
                throw new LeonardoException(LeonardoException.Kind.CONFIG, KEY_VAR + " is set but unusable: " + bad.getMessage() + ".");
            }
        }
        return home == null ? Optional.empty() : CredentialsFile.read(CredentialsFile.defaultPath(home));
    }

    public static Path cacheDir(Map<String, String> env, Path home) {
        String dir = env.get(CACHE_VAR);
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        return home == null ? null : home.resolve(".sitter").resolve("cache");
    }

    private static void checkUrl(String url, String var) {
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new LeonardoException(LeonardoException.Kind.CONFIG,
                    var + " is not an http(s) URL: '" + url + "'; unset it to use " + ClientConfig.LIVE_BASE_URL + ".");
        }
    }
}
