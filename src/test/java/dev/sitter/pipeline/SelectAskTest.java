package dev.sitter.pipeline;

import dev.sitter.imaging.Images;
import dev.sitter.imaging.drift.DriftScorer;
import dev.sitter.model.PipelineDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code select top: 2, by: 'ask'}: the numbered contact sheet, the numbers read back from a real
 * input stream (asked again after a wrong answer), Enter alone for the drift order, Ctrl-C keeping
 * what was paid, a resumed run not asking again, and a run with nobody to ask refused before paying.
 */
class SelectAskTest {
    @TempDir
    Path dir;

    private final List<String> said = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> paid = Collections.synchronizedMap(new TreeMap<>());

    private static PipelineDef pipeline() {
        return new PipelineDef("pack", List.of(
                PipelineRunnerTest.step("explore", 2, "count:", 8, "size:", "256x384"),
                PipelineRunnerTest.step("select", 3, "top:", 2, "by:", "ask"),
                PipelineRunnerTest.step("refine", 4, "strength:", 0.35)));
    }

    /** Explore images gen-4242-3 and gen-4246-2 are the references, so they are the drift order's winners. */
    private PipelineRunner.Settings settings(Path runDir, WinnerPicker picker) {
        DriftScorer drift = DriftScorer.forImages(List.of(
                Images.decode(FakeOps.image("gen-4242-3", 32, 48), "a"), Images.decode(FakeOps.image("gen-4246-2", 32, 48), "b")));
        return PipelineRunner.Settings.of(runDir, "run-1", 4242, drift).withPicker(picker);
    }

    /** Answers typed on a real stream; the picker asks again after a wrong one. */
    private AskingPicker typed(String input) {
        BufferedReader in = new BufferedReader(new StringReader(input));
        return new AskingPicker(prompt -> {
            said.add(prompt);
            return in.readLine();
        }, said::add, sheet -> said.add("[sheet " + sheet.getFileName() + "]"), true);
    }

    private List<String> refinedSources(PipelineRunner.RunResult r) {
        return r.items().stream().map(Item::parentId).toList();
    }

    @Test
    void wrongAnswersAreAskedAgainWithAHintAndTheTypedNumbersWinInTheirOrder() throws Exception {
        Path runDir = dir.resolve("run");
        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE),
                settings(runDir, typed("9\n1 2 3\n2 2\nfive\n4, 1\n"))).run(pipeline());

        assertEquals(List.of("gen-4242-3", "gen-4242-0"), refinedSources(r), "numbers 4 and 1, in the order typed");
        String dialogue = String.join("\n", said);
        assertTrue(dialogue.contains("pipeline 'pack' line 3, step select: choose 2 of 8 images. Contact sheet: "
                + runDir.resolve("s1-select").resolve("contact-sheet.png")), dialogue);
        assertTrue(dialogue.contains("[sheet contact-sheet.png]"), dialogue);
        assertTrue(dialogue.contains("   4  ") && dialogue.contains("drift 0.000"), "numbered, with drift: " + dialogue);
        assertTrue(dialogue.contains("9 is not on the sheet (1-8); type e.g. 1 4"), dialogue);
        assertTrue(dialogue.contains("that is 3 numbers, and this step keeps 2; type 2, e.g. 1 4"), dialogue);
        assertTrue(dialogue.contains("2 is typed twice"), dialogue);
        assertTrue(dialogue.contains("'five' is not an image number"), dialogue);
        assertEquals(5, said.stream().filter(s -> s.startsWith("pick 2 of 8> ")).count(), "asked once per answer");
        assertTrue(Files.size(runDir.resolve("s1-select").resolve("contact-sheet.png")) > 0);
        assertEquals("picked 4, 1 of 8 (asked)", r.steps().get(1).summary());
    }

    @Test
    void enterAloneKeepsTheDriftOrderAndSaysSo() {
        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE),
                settings(dir.resolve("run"), typed("\n"))).run(pipeline());
        assertEquals(List.of("gen-4242-3", "gen-4246-2"), refinedSources(r));
        assertTrue(said.contains("nothing typed: keeping the drift order"), said.toString());
        assertEquals("nothing typed: kept 2 of 8 by drift", r.steps().get(1).summary());
    }

    @Test
    void ctrlCCancelsKeepingThePaidImagesAndTheResumedRunAsksAgainWithoutPayingTwice() {
        Path runDir = dir.resolve("run");
        WinnerPicker ctrlC = request -> {
            throw new WinnerPicker.Cancelled();
        };
        PipelineException e = assertThrows(PipelineException.class,
                () -> new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir, ctrlC)).run(pipeline()));
        assertTrue(e.getMessage().startsWith("pipeline 'pack' line 3, step select: the run was cancelled while choosing the winners; "
                + "the 8 explored images are paid for and kept"), e.getMessage());
        assertTrue(e.getMessage().contains("run the same command again to choose (nothing is paid twice)"), e.getMessage());
        assertEquals(2, paid.size(), "only the explore batches were paid: " + paid);

        PipelineRunner.RunResult r = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir, typed("2 3\n"))).run(pipeline());
        assertEquals(List.of("gen-4242-1", "gen-4242-2"), refinedSources(r));
        assertEquals(4, paid.size(), "explore not paid again: " + paid);
        assertTrue(paid.values().stream().allMatch(n -> n == 1), paid.toString());

        // The choice is in the journal: started again, the run neither asks nor pays.
        WinnerPicker mustNotAsk = request -> {
            throw new AssertionError("asked again");
        };
        PipelineRunner.RunResult again = new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(runDir, mustNotAsk)).run(pipeline());
        assertEquals(refinedSources(r), refinedSources(again));
        assertTrue(again.steps().get(1).fromJournal());
        assertEquals(4, paid.size());
    }

    @Test
    void withNobodyToAskTheRunIsRefusedBeforeAnythingIsPaid() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(dir.resolve("run"), null)).run(pipeline()));
        assertEquals("pipeline 'pack' line 3, step select: by: 'ask' needs someone to type the numbers, and this run has nobody to ask "
                + "(its input is not a terminal). Fix: use by: 'drift' to keep the 2 closest to the character, or give the numbers from "
                + "the contact sheet: pick: [1, 4].", e.getMessage());
        assertTrue(paid.isEmpty(), paid.toString());
    }

    @Test
    void pipedInputThatEndsOrAnswersWronglyStopsTheRunWithTheFix() {
        AskingPicker once = new AskingPicker(prompt -> "1 9", said::add, sheet -> { }, false);
        PipelineException wrong = assertThrows(PipelineException.class,
                () -> new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(dir.resolve("a"), once)).run(pipeline()));
        assertTrue(wrong.getMessage().contains("'1 9' does not choose the winners: 9 is not on the sheet (1-8)"), wrong.getMessage());

        AskingPicker ended = new AskingPicker(prompt -> null, said::add, sheet -> { }, false);
        PipelineException eof = assertThrows(PipelineException.class,
                () -> new PipelineRunner(new FakeOps(paid, Integer.MAX_VALUE), settings(dir.resolve("b"), ended)).run(pipeline()));
        assertTrue(eof.getMessage().contains("the input ended before the winners were chosen")
                && eof.getMessage().contains("pick: [1, 4] or by: 'drift'"), eof.getMessage());
    }

    @Test
    void picksAreReadLeniently() {
        assertEquals(List.of(1, 4), Picks.parse(" 1, 4 ", 8, 2).numbers());
        assertEquals(List.of(3), Picks.parse("3", 8, 1).numbers());
        assertEquals(List.of(), Picks.parse("   ", 8, 2).numbers());
        assertEquals("0 is not on the sheet (1-8); type e.g. 1 4 2", Picks.parse("0 1 2", 8, 3).problem());
        assertEquals("that is 1 number, and this step keeps 2; type 2, e.g. 1 3", Picks.parse("1", 3, 2).problem());
    }
}
