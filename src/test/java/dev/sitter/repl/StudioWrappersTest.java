package dev.sitter.repl;

import dev.sitter.dsl.Studio;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The console wraps the real Studio twice (opened lazily, progress shown). A Studio method the wrappers
 * do not pass on would silently fall back to the interface's default in the console only (e.g. a
 * budget's price of a refine, or composite): every method must be forwarded.
 */
class StudioWrappersTest {
    @Test
    void theConsolesStudioWrappersForwardEveryStudioMethod() {
        for (Class<?> wrapper : List.of(LazyStudio.class, ProgressStudio.class)) {
            List<String> missing = new ArrayList<>();
            for (Method m : Studio.class.getMethods()) {
                if (Modifier.isStatic(m.getModifiers())) continue;
                try {
                    wrapper.getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    missing.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes()));
                }
            }
            assertEquals(List.of(), missing, wrapper.getSimpleName() + " does not forward these");
        }
    }
}
