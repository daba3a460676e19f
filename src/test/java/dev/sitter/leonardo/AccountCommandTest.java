package dev.sitter.leonardo;

import dev.sitter.cli.CliContext;
import dev.sitter.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code sitter account}: mode, masked key, credits and models, never the key itself. */
class AccountCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env, Path.of("."), false);
        int code = Main.run(List.of(args), ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test void liveShowsCreditsSlotsAndModelsWithAMaskedKey() throws Exception {
        try (FakeLeonardo fake = new FakeLeonardo()) {
            Run r = run(Map.of("LEONARDO_API_KEY", "test-key-0123456789", "LEONARDO_BASE_URL", fake.base()), "account", "--models");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("mode: live"), r.out());
            assertTrue(r.out().contains("api credits: 4500"), r.out());
            assertTrue(r.out().contains("concurrency slots: 10"), r.out());
            assertTrue(r.out().contains("Leonardo Kino XL"), r.out());
            assertTrue(r.out().contains("…6789 from LEONARDO_API_KEY"), r.out());
            assertFalse(r.out().contains("test-key-0123456789"));
        }
    }

    @Test void aRejectedKeyIsOneClearLine() throws Exception {
        try (FakeLeonardo fake = new FakeLeonardo()) {
            Run r = run(Map.of("LEONARDO_API_KEY", "wrong-key-000000", "LEONARDO_BASE_URL", fake.base()), "account");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("rejected the API key"), r.err());
            assertFalse(r.err().contains("wrong-key-000000"));
            assertFalse(r.err().contains("\tat "), "no stack trace");
        }
    }
}
