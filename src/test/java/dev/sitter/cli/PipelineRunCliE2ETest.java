package dev.sitter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code sitter run} of a script that runs a pipeline says what the run did, where its files are, and what it resumed. */
class PipelineRunCliE2ETest extends CliE2E {
    private void script(String pipeline) throws Exception {
        Path work = tmp.resolve("work");
        String quickstart = quickstartIn(work)
                .replace("size 832, 1216", "size 512, 768");
        Files.writeString(work.resolve("tiny.groovy"), quickstart + pipeline
                + "\nrun 'tiny', character: mara, template: 'canonical', seed: 4242\n");
    }

    @Test
    void aPipelineRunPrintsItsStepsExportAndReportAndSaysWhatItResumed() throws Exception {
        script("pipeline('tiny') { explore count: 2, size: '256x384', steps: 15; select top: 1, by: 'order'; export 'png' }");
        assertEquals(0, sitter("run", "work/tiny.groovy", "--library", "lib"), said());
        Path runDir = tmp.resolve("lib/runs/tiny-mara-4242");
        String first = stdout();
        assertTrue(first.contains("pipeline 'tiny': 1 image(s)"), first);
        assertTrue(first.contains("1. explore   2 samples at 256x384"), first);
        assertTrue(first.contains("exported 1 as png to " + runDir.resolve("export")), first);
        assertTrue(first.contains("report: " + runDir.resolve("report.txt")), first);
        assertFalse(first.contains("resumed"), first);
        String report = Files.readString(runDir.resolve("report.txt"));
        assertTrue(report.contains("3. export") && report.contains("exported 1 as png to " + runDir.resolve("export")), report);

        assertEquals(0, sitter("run", "work/tiny.groovy", "--library", "lib"), said());
        assertTrue(stdout().contains("resumed: 3 steps from the journal"), stdout());
    }

    @Test
    void aQaFailureBeforeUpscalePointsAtAReportThatExists() throws Exception {
        script("pipeline('tiny') { explore count: 2, size: '256x384', steps: 15; select top: 2, by: 'order';"
                + " qa 'scar on the left cheek', pass: false; upscale mode: 'ultra' }");
        assertEquals(ExitCodes.SCRIPT_ERROR, sitter("run", "work/tiny.groovy", "--library", "lib"), said());
        Path report = tmp.resolve("lib/runs/tiny-mara-4242/report.txt");
        assertTrue(said().contains("look at the failed checks in " + report), said());
        String text = Files.readString(report);
        assertTrue(text.contains("FAIL  scar on the left cheek"), text);
        assertTrue(text.contains("qa FAILED"), text);
    }
}
