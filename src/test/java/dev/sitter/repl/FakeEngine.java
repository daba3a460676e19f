package dev.sitter.repl;

import dev.sitter.model.PromptSpec;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import org.codehaus.groovy.control.CompilerConfiguration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A throwaway engine over a plain GroovyShell with {@link FakeDslScript}, for console tests only. */
final class FakeEngine implements ReplEngine {
    private Binding binding;
    private GroovyShell shell;
    final List<String> evaluated = new ArrayList<>();

    FakeEngine() { reset(); }

    @Override
    public Object eval(String source, String name) {
        evaluated.add(source);
        return shell.evaluate(source, name);
    }

    @SuppressWarnings("unchecked")
    @Override
    public Map<String, List<String>> definitions() {
        return Map.copyOf((Map<String, List<String>>) binding.getVariable("__defs"));
    }

    @SuppressWarnings("unchecked")
    List<PromptSpec> requests() { return (List<PromptSpec>) binding.getVariable("__requests"); }

    @Override
    public Set<String> variables() {
        Set<String> names = new TreeSet<>();
        for (Object k : binding.getVariables().keySet()) if (!k.toString().startsWith("__")) names.add(k.toString());
        definitions().values().forEach(names::removeAll);
        return names;
    }

    @Override
    public void reset() {
        binding = new Binding();
        binding.setVariable("__defs", new LinkedHashMap<String, List<String>>());
        binding.setVariable("__requests", new ArrayList<PromptSpec>());
        CompilerConfiguration cc = new CompilerConfiguration();
        cc.setScriptBaseClass(FakeDslScript.class.getName());
        shell = new GroovyShell(FakeEngine.class.getClassLoader(), binding, cc);
    }
}
