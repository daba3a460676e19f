package dev.sitter.repl;

import dev.sitter.dsl.AnchorsSpec;
import dev.sitter.dsl.CharacterSpec;
import dev.sitter.dsl.PipelineSpec;
import dev.sitter.dsl.SitterScript;
import dev.sitter.dsl.StyleSpec;
import dev.sitter.dsl.TemplateSpec;
import dev.sitter.dsl.TokensSpec;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/keywords.md is the one source of keyword help: it must cover every keyword the DSL engine has. */
class KeywordDocsTest {
    @Test
    void parsesEntries() {
        KeywordDocs d = KeywordDocs.parse("""
                # title
                intro text
                ## generate — command, pipeline
                `generate mara, seed: 1`

                Makes images. Second sentence.

                Named arguments: `template:`, `seed:`.
                """);
        KeywordDocs.Entry e = d.get("generate");
        assertEquals("generate mara, seed: 1", e.usage());
        assertEquals(List.of("template", "seed"), e.namedArgs());
        assertEquals("Makes images.", e.summary());
        assertTrue(e.isCommand() && e.usedIn("pipeline") && !e.isDefinition());
        assertTrue(e.help().contains("named arguments: template:, seed:"));
    }

    @Test
    void everyTopLevelKeywordOfTheEngineIsDocumented() throws ReflectiveOperationException {
        Field f = SitterScript.class.getDeclaredField("KEYWORDS");
        f.setAccessible(true);
        @SuppressWarnings("unchecked") List<String> keywords = (List<String>) f.get(null);
        Set<String> missing = new TreeSet<>(keywords);
        missing.removeAll(KeywordDocs.bundled().all().keySet());
        assertTrue(missing.isEmpty(), "document these in docs/keywords.md: " + missing);
    }

    @Test
    void everyBlockKeywordIsDocumentedForItsBlock() {
        List<String> missing = new ArrayList<>();
        check(CharacterSpec.class, "character", missing);
        check(AnchorsSpec.class, "anchors", missing);
        check(StyleSpec.class, "style", missing);
        check(TemplateSpec.class, "template", missing);
        check(TokensSpec.class, "camera", missing);
        check(PipelineSpec.class, "pipeline", missing);
        assertTrue(missing.isEmpty(), "document these in docs/keywords.md: " + missing);
    }

    private static void check(Class<?> spec, String block, List<String> missing) {
        for (Method m : spec.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) continue;
            if (m.getName().startsWith("get") || m.getName().startsWith("set") || m.getName().contains("$")) continue;
            KeywordDocs.Entry e = KeywordDocs.bundled().get(m.getName());
            if (e == null || !e.usedIn(block)) missing.add(block + " { " + m.getName() + " }");
        }
    }
}
