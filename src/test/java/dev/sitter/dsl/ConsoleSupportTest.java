package dev.sitter.dsl;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** What the console builds on: unfinished input, interrupting a runaway script, reserved names. */
class ConsoleSupportTest {
    @Test void unfinishedInputNeedsMoreLines() {
        assertTrue(SitterShell.needsMoreInput("character('mara') {"));
        assertTrue(SitterShell.needsMoreInput("generate(mara,"));
        assertTrue(SitterShell.needsMoreInput("def xs = ["));
        assertTrue(SitterShell.needsMoreInput("println '''open"));
        assertFalse(SitterShell.needsMoreInput("character('mara') { name 'x' }"));
        assertFalse(SitterShell.needsMoreInput("println 'a { in a string'"));
        assertFalse(SitterShell.needsMoreInput("println 1 // { in a comment"));
        assertFalse(SitterShell.needsMoreInput("}"), "an extra } is an error to show, not a reason to wait");
    }

    @Test void interruptingARunawayLoopStopsItWithALocatedMessage() throws Exception {
        Scripts s = Scripts.inExamples();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                s.shell.binding().setVariable("started", started);
                s.eval("started.countDown()\nwhile (true) {\n  def x = 1\n}\n");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        assertTrue(started.await(60, TimeUnit.SECONDS));
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(t.isAlive(), "the loop did not stop");
        ScriptInterruptedException e = assertInstanceOf(ScriptInterruptedException.class, thrown.get());
        assertEquals("test.groovy", e.file());
        assertTrue(e.line() >= 2 && e.line() <= 3, e.render());
    }

    @Test void reservedIdsAreNotBoundAsVariables() {
        Scripts s = Scripts.inExamples();
        s.eval("camera('out') { tokens 'x' }\nprintln 'still prints'");
        assertEquals("still prints\n", s.out());
        assertTrue(s.warnings.get(0).message().contains("reserved name"), s.warnings.toString());
        assertEquals("camera 'out': x", s.eval("camera('out')").toString());
    }
}
