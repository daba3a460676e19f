package dev.sitter.dsl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} and {@code estimate} of a pipeline refuse misspelt options and an unseeded run before anything is sent. */
class RunOptionsTest {
    private static final String DEFS = Scripts.MARA + Scripts.NOIR + "pipeline('tiny') { explore count: 2; select top: 1 }\n";

    private static DslException refused(String line, DslEngineTest.RecordingStudio studio) {
        Scripts s = Scripts.inExamples();
        s.shell.studio(studio);
        DslException e = assertThrows(DslException.class, () -> s.eval(DEFS + line));
        assertEquals(List.of(), studio.calls, "nothing may be sent: " + e.sentence());
        return e;
    }

    @Test void misspeltSeedOnRunIsRefusedWithTheFix() {
        DslException e = refused("run 'tiny', character: mara, template: 'canonical', sed: 4242", new DslEngineTest.RecordingStudio());
        assertTrue(e.sentence().startsWith("unknown option `sed:` for `run 'tiny'`"), e.sentence());
        assertTrue(e.sentence().contains("did you mean `seed:`?"), e.sentence());
    }

    @Test void misspeltOptionOnEstimateIsRefused() {
        DslException e = refused("estimate 'tiny', character: mara, template: 'canonical', sede: 3", new DslEngineTest.RecordingStudio());
        assertTrue(e.sentence().contains("unknown option `sede:` for `estimate 'tiny'`"), e.sentence());
        assertTrue(e.sentence().contains("did you mean `seed:`?"), e.sentence());
    }

    @Test void countOnRunIsExplainedNotIgnored() {
        DslException e = refused("run 'tiny', character: mara, template: 'canonical', seed: 1, cuont: 3", new DslEngineTest.RecordingStudio());
        assertTrue(e.sentence().contains("unknown option `cuont:`"), e.sentence());
        e = refused("run 'tiny', character: mara, template: 'canonical', seed: 1, count: 3", new DslEngineTest.RecordingStudio());
        assertTrue(e.sentence().contains("explore count"), e.sentence());
    }

    @Test void anUnseededRunIsRefusedBecauseItCouldNotResume() {
        DslException e = refused("run 'tiny', character: mara, template: 'canonical'", new DslEngineTest.RecordingStudio());
        assertTrue(e.sentence().contains("needs a seed"), e.sentence());
        assertTrue(e.sentence().contains("seed: 4242"), e.sentence());
    }
}
