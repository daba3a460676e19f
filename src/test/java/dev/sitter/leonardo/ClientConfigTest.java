package dev.sitter.leonardo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ClientConfigTest {
    @TempDir Path home;

    static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test void noKeyMeansSandbox() {
        assertEquals(Optional.empty(), LeonardoEnvironment.live(env(), home));
        assertEquals("none", LeonardoEnvironment.keySource(env(), home));
    }

    @Test void keyFromTheEnvironmentGoesLiveOnLeonardosUrl() {
        ClientConfig c = LeonardoEnvironment.live(env("LEONARDO_API_KEY", "abcd-1234-secret-5678"), home).orElseThrow();
        assertTrue(c.live());
        assertEquals("https://cloud.leonardo.ai/api/rest/v1", c.baseUrl());
        assertEquals("https://cloud.leonardo.ai/api/rest/v2", c.v2BaseUrl());
        assertEquals(home.resolve(".sitter/cache"), c.cacheDir());
        assertFalse(c.toString().contains("secret"), c.toString());
        assertEquals("***", c.apiKey().toString());
        assertEquals("…5678", c.apiKey().masked());
        assertEquals("LEONARDO_API_KEY", LeonardoEnvironment.keySource(env("LEONARDO_API_KEY", "x-key-1234"), home));
    }

    @Test void baseUrlIsOverridableAndV2IsDerived() {
        ClientConfig c = LeonardoEnvironment.live(env("LEONARDO_API_KEY", "k-123456789", "LEONARDO_BASE_URL",
                "http://127.0.0.1:8080/api/rest/v1/"), home).orElseThrow();
        assertEquals("http://127.0.0.1:8080/api/rest/v1", c.baseUrl());
        assertEquals("http://127.0.0.1:8080/api/rest/v2", c.v2BaseUrl());
        LeonardoException bad = assertThrows(LeonardoException.class, () -> LeonardoEnvironment.live(
                env("LEONARDO_API_KEY", "k-123456789", "LEONARDO_BASE_URL", "cloud.leonardo.ai"), home));
        assertEquals(LeonardoException.Kind.CONFIG, bad.kind());
        assertTrue(bad.getMessage().contains("LEONARDO_BASE_URL"));
    }

    @Test void credentialsFileWithOwnerOnlyPermissionsIsRead() throws Exception {
        Path f = writeCredentials("# my key\nLEONARDO_API_KEY = \"file-key-9876\"\n", "rw-------");
        ClientConfig c = LeonardoEnvironment.live(env(), home).orElseThrow();
        assertEquals("…9876", c.apiKey().masked());
        assertEquals(f.toString(), LeonardoEnvironment.keySource(env(), home));
        ClientConfig fromEnv = LeonardoEnvironment.live(env("LEONARDO_API_KEY", "env-key-1111"), home).orElseThrow();
        assertEquals("…1111", fromEnv.apiKey().masked(), "the environment wins over the file");
    }

    @Test void aGroupOrWorldReadableCredentialsFileIsRefused() throws Exception {
        Path f = writeCredentials("api_key=file-key-9876\n", "rw-r--r--");
        LeonardoException e = assertThrows(LeonardoException.class, () -> LeonardoEnvironment.live(env(), home));
        assertEquals(LeonardoException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("chmod 600 " + f), e.getMessage());
        assertFalse(e.getMessage().contains("9876"), "the key is not echoed");
        writeCredentials("api_key=file-key-9876\n", "rw----r--");
        assertThrows(LeonardoException.class, () -> LeonardoEnvironment.live(env(), home));
    }

    @Test void aBlankOrBrokenKeyIsAConfigError() {
        assertThrows(LeonardoException.class, () -> LeonardoEnvironment.live(env("LEONARDO_API_KEY", "has space inside"), home));
        assertThrows(IllegalArgumentException.class, () -> ApiKey.of("  "));
    }

    @Test void redactScrubsTheKey() {
        ApiKey k = ApiKey.of("super-secret-key");
        assertEquals("bad *** here", k.redact("bad super-secret-key here"));
    }

    @Test void sandboxConfigIsNotLive() {
        ClientConfig c = LeonardoEnvironment.sandbox("http://127.0.0.1:9/api/rest/v1", null);
        assertFalse(c.live());
        assertEquals("http://127.0.0.1:9/api/rest/v2", c.v2BaseUrl());
    }

    private Path writeCredentials(String text, String perms) throws Exception {
        Path f = CredentialsFile.defaultPath(home);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }
}
