package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code pack 'replay'} in a session with a budget: priced before sending, refused past the limit, its spend counted. */
class PackReplayBudgetE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();

    @TempDir Path tmp;
    private final SandboxSessions sessions = new SandboxSessions();

    @AfterEach void stop() throws Exception {
        sessions.close();
    }

    private SitterShell session(Path work, Path lib) {
        return sessions.open(work, lib);
    }

    private static String plain(BigDecimal d) { return d.stripTrailingZeros().toPlainString(); }

    private static long paidPosts(Sandbox sandbox) {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST")
                && (e.path().endsWith("/generations") || e.path().contains("/variations/"))).count();
    }

    @Test void aPackReplayIsPricedBeforeSendingRefusedPastTheBudgetAndCountsInTheSessionsSpend() throws Exception {
        Path work = tmp.resolve("author");
        Files.createDirectories(work.resolve("anchors/mara"));
        for (String f : List.of("front.png", "three-quarter.png", "profile.png")) {
            Files.copy(EXAMPLES.resolve("anchors/mara").resolve(f), work.resolve("anchors/mara").resolve(f));
        }
        String quickstart = Files.readString(EXAMPLES.resolve("quickstart.groovy"))
                .replace("generate mara, template: 'canonical', seed: 4242, count: 4", "");
        Path script = work.resolve("mara.groovy");
        Files.writeString(script, quickstart + """
                template('small') { style 'noir'; camera 'portrait85'; negatives 'hard'; size 256, 384 }
                shots = generate mara, template: 'small', seed: 31, count: 2
                up = upscale shots[0], mode: 'classic'
                exported = pack 'export', 'two', assets: [shots[1], up], author: 'Ada', license: 'CC-BY-4.0',
                    tosReviewed: '2026-01-01', modelNotes: ['Leonardo Kino XL': 'commercial use per Leonardo terms']
                """);
        SitterShell author = session(work, tmp.resolve("lib1"));
        author.evalFile(script);
        BigDecimal authorSpent = author.spent();
        assertTrue(authorSpent.signum() > 0);
        String zip = work.resolve("two-1.0.0.zip").toString().replace('\\', '/');

        SitterShell user = session(tmp.resolve("user"), tmp.resolve("lib2"));
        Sandbox userSandbox = sessions.sandboxes.get(1);
        long price = authorSpent.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        user.eval("budget " + (price - 1), "input-1");
        DslException refused = assertThrows(DslException.class, () -> user.eval("pack 'replay', '" + zip + "'", "input-2"));
        String m = refused.getMessage();
        assertTrue(m.contains("pack 'replay' of 3 assets is refused, nothing was sent") && m.contains("about " + price)
                && m.contains("budget " + price), m);
        assertEquals(0, paidPosts(userSandbox), "nothing was sent");

        long before = userSandbox.credits();
        user.eval("budget " + price, "input-3");
        StudioPacks.Outcome replayed = (StudioPacks.Outcome) user.eval("pack 'replay', '" + zip + "'", "input-4");
        assertTrue(replayed.ok(), replayed.summary());
        assertTrue(paidPosts(userSandbox) > 0);
        assertEquals(0, BigDecimal.valueOf(before - userSandbox.credits()).compareTo(user.spent()),
                "the session's spend is what the replay was charged: " + user.spent());
        assertEquals(0, authorSpent.compareTo(user.spent()), "the records priced it right");
        // the budget counts the replay's spend: a second replay is refused before sending anything
        long posts = paidPosts(userSandbox);
        DslException again = assertThrows(DslException.class, () -> user.eval("pack 'replay', '" + zip + "'", "input-5"));
        assertTrue(again.getMessage().contains("has spent " + plain(user.spent())), again.getMessage());
        assertEquals(posts, paidPosts(userSandbox));
    }
}
