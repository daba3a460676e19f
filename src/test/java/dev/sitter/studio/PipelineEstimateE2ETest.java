package dev.sitter.studio;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.leonardo.ImageSource;
import dev.sitter.library.Library;
import dev.sitter.library.Query;
import dev.sitter.pipeline.PipelineEstimate;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code estimate 'pack', ...} and {@code budget N} over the real Studio and an in-process sandbox:
 * the estimate sends no paid request and equals what the run is then charged (the sandbox's
 * calculator and charges share one cost table); a budget refuses before anything is sent.
 */
class PipelineEstimateE2ETest {
    private static final Path EXAMPLES = Path.of("dsl-examples").toAbsolutePath();
    private static final String DEFS = """
            pipeline('pack') {
                explore count: 6, size: '256x384', steps: 15
                select top: 2
                refine strength: 0.35
                qa 'eyes match the anchors', pass: true
                upscale mode: 'ultra'
                grade lut: 'luts/teal-orange.cube'
                export 'png'
            }
            pipeline('plain') {
                explore count: 4, size: '256x384'
                select top: 1, by: 'order'
                upscale mode: 'standard'
            }
            pipeline('classic') {
                explore count: 2, size: '256x384', steps: 15
                select top: 2, by: 'order'
                upscale mode: 'classic'
            }
            template('small') { style 'photoreal'; camera 'portrait85'; negatives 'hard'; size 512, 768 }
            """;

    @TempDir Path dir;
    private Sandbox sandbox;
    private Backend backend;
    private Library library;
    private SitterShell shell;

    @BeforeEach void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.builder().latency(Duration.ofMillis(10)).build());
        backend = Backend.over(sandbox);
        library = Library.open(dir.resolve("lib"));
        shell = SitterShell.builder().baseDir(EXAMPLES).workDir(EXAMPLES)
                .libraryDir(dir.resolve("lib")).shippedLibrary(Path.of("prompt-library").toAbsolutePath())
                .warnings(w -> { }).out(System.out).build();
        shell.studio(new LeonardoStudio(() -> backend, library, ImageSource.relativeTo(EXAMPLES), a -> { }));
        String characters = Files.readString(EXAMPLES.resolve("two-characters.groovy"));
        shell.eval(characters.substring(0, characters.indexOf("template('studio')")) + DEFS, "defs");
    }

    @AfterEach void stop() {
        backend.close();
        sandbox.close();
    }

    private long paidPosts() {
        return sandbox.requests().stream().filter(e -> e.method().equals("POST")
                && (e.path().endsWith("/generations") || e.path().contains("/variations/"))).count();
    }

    @Test void estimateSendsNothingPaidAndEqualsWhatTheRunIsCharged() throws Exception {
        long before = sandbox.credits();
        PipelineEstimate e = (PipelineEstimate) shell.eval("estimate 'pack', character: mara, template: 'small', seed: 4242", "input-1");
        System.out.println(e);
        assertEquals(0, paidPosts(), "an estimate generates nothing");
        assertEquals(before, sandbox.credits(), "an estimate costs nothing");
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().endsWith("/pricing-calculator")), "asked the calculator");
        // 6 explore images in batches of 4 + 2; 2 winners refined and upscaled (ultra); grade and export free
        assertEquals(List.of("explore", "select", "refine", "qa", "upscale", "grade", "export"),
                e.lines().stream().map(PipelineEstimate.Line::step).toList());
        assertEquals(2, e.lines().get(0).requests());
        assertEquals(2, e.lines().get(2).requests());
        assertEquals(2, e.lines().get(4).requests());
        assertEquals(0, e.credits("grade") + e.credits("export") + e.credits("select") + e.credits("qa"));
        assertTrue(e.total() > 0 && e.credits("upscale") > 0 && e.credits("refine") > 0, e.toString());
        assertTrue(e.toString().contains("total"), e.toString());

        shell.eval("run 'pack', character: mara, template: 'small', seed: 4242", "input-2");
        assertEquals(e.total(), before - sandbox.credits(), "the estimate equals the charge:\n" + e);
        for (String step : List.of("explore", "refine", "upscale")) {
            BigDecimal charged = library.find(Query.ALL).stream().filter(a -> step.equals(a.step()))
                    .map(a -> a.cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, BigDecimal.valueOf(e.credits(step)).compareTo(charged), step + ": " + e);
        }
    }

    @Test void universalUpscaleIsPricedAsCharged() {
        long before = sandbox.credits();
        PipelineEstimate e = (PipelineEstimate) shell.eval("estimate 'plain', character: theo, template: 'small', seed: 7", "input-1");
        assertEquals(0, paidPosts());
        shell.eval("run 'plain', character: theo, template: 'small', seed: 7", "input-2");
        assertEquals(e.total(), before - sandbox.credits(), e.toString());
    }

    /** The classic upscaler has no calculator service: a pipeline prices it as the standalone command does, not as free. */
    @Test void classicUpscaleIsPricedInTheEstimateAndBudgetAsTheCommandIsAndAsCharged() {
        PipelineEstimate e = (PipelineEstimate) shell.eval("estimate 'classic', character: theo, template: 'small', seed: 7", "input-1");
        assertEquals(2 * LeonardoStudio.CLASSIC_UPSCALE_CREDITS, e.credits("upscale"), e.toString());
        assertFalse(e.toString().contains("not priced"), e.toString());
        shell.eval("budget " + (e.total() - 1), "input-2");
        assertThrows(DslException.class, () -> shell.eval("run 'classic', character: theo, template: 'small', seed: 7", "input-3"),
                "the classic upscales count against the budget");
        assertEquals(0, paidPosts());
        long before = sandbox.credits();
        shell.eval("budget " + e.total(), "input-4");
        shell.eval("run 'classic', character: theo, template: 'small', seed: 7", "input-5");
        assertEquals(e.total(), before - sandbox.credits(), e.toString());
    }

    @Test void budgetRefusesARunBeforeSendingAnything() {
        PipelineEstimate e = (PipelineEstimate) shell.eval("estimate 'pack', character: mara, template: 'small', seed: 4242", "input-1");
        shell.eval("budget " + (e.total() - 1), "input-2");
        DslException refused = assertThrows(DslException.class,
                () -> shell.eval("run 'pack', character: mara, template: 'small', seed: 4242", "input-3"));
        String m = refused.getMessage();
        assertTrue(m.contains("spent 0 credits") && m.contains("about " + e.total()) && m.contains("budget is " + (e.total() - 1))
                && m.contains("budget " + e.total()), m);
        assertEquals(0, paidPosts(), "nothing was sent");
        shell.eval("budget " + e.total(), "input-4");
        shell.eval("run 'pack', character: mara, template: 'small', seed: 4242", "input-5");
        assertTrue(paidPosts() > 0);
    }

    @Test void budgetCountsWhatTheSessionAlreadySpent() {
        long one = ((dev.sitter.leonardo.Estimate) shell.eval("estimate mara, template: 'small', seed: 1, count: 1", "input-1")).cost();
        // room for exactly two single images
        shell.eval("budget " + (2 * one), "input-2");
        shell.eval("generate mara, template: 'small', seed: 1, count: 1", "input-3");
        shell.eval("generate mara, template: 'small', seed: 2, count: 1", "input-4");
        long sent = paidPosts();
        DslException refused = assertThrows(DslException.class,
                () -> shell.eval("generate mara, template: 'small', seed: 3, count: 1", "input-5"));
        assertTrue(refused.getMessage().contains("spent " + (2 * one) + " credits"), refused.getMessage());
        assertEquals(sent, paidPosts(), "the refused generate sent nothing");
        assertTrue(String.valueOf(shell.eval("budget", "input-6")).contains("spent so far: " + (2 * one)));
    }

    @Test void aBudgetMustBePositive() {
        DslException e = assertThrows(DslException.class, () -> shell.eval("budget 0", "input-1"));
        assertTrue(e.getMessage().contains("budget 200"), e.getMessage());
    }
}
