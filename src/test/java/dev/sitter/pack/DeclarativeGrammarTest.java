package dev.sitter.pack;

import groovy.lang.Closure;
import groovy.lang.GroovyObject;
import groovy.lang.Script;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclarativeGrammarTest {
    @Test
    void noKeywordIsANameGroovyGivesEveryScriptOrObject() {
        Set<String> inherited = new HashSet<>();
        for (Class<?> c : new Class<?>[] {Script.class, GroovyObject.class, Object.class, Closure.class}) {
            for (Method m : c.getMethods()) inherited.add(m.getName());
        }
        Set<String> clash = new HashSet<>(DeclarativeGrammar.sitter().allKeywordNames());
        clash.retainAll(inherited);
        assertTrue(clash.isEmpty(), "keywords that Groovy already means something by: " + clash);
    }
}
