package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.sandbox.Sandbox;
import dev.sitter.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code budget N} applies to every paid command, not only generate and run: refine, inpaint, composite
 * (its denoise pass), upscale and removeBackground each ask their price first; over the budget they are
 * refused with nothing sent, and the price they name is what they are charged once allowed.
 */
class PaidStepBudgetE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private SitterShell shell;

    @BeforeEach void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(5)).build());
        backend = Backend.over(sandbox);
        Library library = Library.open(dir.resolve("lib"));
        shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { }));
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        Path eyes = EditStepsE2ETest.mask(dir.resolve("eyes.png"), 512, 768);
        shell.eval(characters.substring(0, characters.indexOf("template('studio')"))
                + "template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }\n"
                + "shot = generate(mara, template: 'small', seed: 3, count: 1)[0]\nmaster mara, shot\n"
                + "eyes = '" + eyes + "'\n", "defs");
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    private long paidPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST")
                && (e.path().endsWith("/generations") || e.path().contains("/variations/"))).count();
    }

    private void refusedThenChargedAsPriced(String command, String line) {
        shell.eval("budget 1", "input-budget");
        long sent = paidPosts();
        DslException e = assertThrows(DslException.class, () -> shell.eval(line, "input-1"), line);
        String m = e.getMessage();
        Matcher price = Pattern.compile("this would cost about (\\d+) more").matcher(m);
        assertTrue(m.contains("budget: " + command + " is refused, nothing was sent") && price.find()
                && m.contains("This session has spent") && m.contains("the budget is 1") && m.contains("raise it: budget "), m);
        assertEquals(sent, paidPosts(), command + " sent nothing");
        long priced = Long.parseLong(price.group(1));
        assertTrue(priced > 0, m);

        shell.eval("budget 100000", "input-raise");
        long before = sandbox.credits();
        Object made = shell.eval(line, "input-2");
        assertTrue(made instanceof Asset, String.valueOf(made));
        assertEquals(priced, before - sandbox.credits(), command + " is charged what it was priced: " + m);
        assertEquals(0, ((Asset) made).provenance().cost().amount().compareTo(BigDecimal.valueOf(priced)), command);
    }

    @Test void refine() {
        refusedThenChargedAsPriced("refine", "refine shot, strength: 0.3");
    }

    @Test void inpaint() {
        refusedThenChargedAsPriced("inpaint", "inpaint shot, mask: eyes, strength: 0.5");
    }

    @Test void compositesDenoisePass() {
        refusedThenChargedAsPriced("composite", "composite shot, from: master(mara), mask: eyes");
    }

    @Test void upscale() {
        refusedThenChargedAsPriced("upscale", "upscale shot");
    }

    @Test void ultraUpscale() {
        refusedThenChargedAsPriced("upscale", "upscale shot, mode: 'ultra'");
    }

    @Test void removeBackground() {
        refusedThenChargedAsPriced("removeBackground", "removeBackground shot");
    }
}
