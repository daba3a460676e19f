package dev.sitter.repl;

import dev.sitter.dsl.DslException;
import dev.sitter.dsl.SitterShell;
import dev.sitter.dsl.Studio;
import dev.sitter.leonardo.Me;
import dev.sitter.prompt.Definitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The console's engine: the DSL's own {@link SitterShell}, the same one {@code sitter run} uses, so
 * a console line and a script line are evaluated by the same code. {@code /reset} builds a fresh
 * shell with the same studio.
 */
final class SitterEngine implements ReplEngine {
    private final Supplier<SitterShell> shells;
    private final AutoCloseable resources;

    private volatile SitterShell shell;

    private final dev.sitter.pipeline.WinnerPicker.Relay pickers;

    /**
     * @param shells    builds a new shell (with its studio set); called at start and on reset
     * @param resources closed when the console exits (the studio's client, sandbox, library), or null
     */
    SitterEngine(Supplier<SitterShell> shells, AutoCloseable resources) {
        this(shells, resources, new dev.sitter.pipeline.WinnerPicker.Relay());
    }

    /** @param pickers the relay the Studio asks for winners through; the console sets who answers */
    SitterEngine(Supplier<SitterShell> shells, AutoCloseable resources, dev.sitter.pipeline.WinnerPicker.Relay pickers) {
        this.pickers = pickers;
        this.shells = shells;
        this.resources = resources;
        this.shell = shells.get();
    }

    @Override public Object eval(String source, String name) { return shell.eval(source, name); }

    @Override public void setWinnerPicker(dev.sitter.pipeline.WinnerPicker picker) { pickers.set(picker); }

    @Override public Object load(Path file) { return shell.evalFile(file); }

    @Override
    public Map<String, List<String>> definitions() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Definitions defs = shell.definitions();
        for (Definitions.Kind k : Definitions.Kind.values()) {
            try {
                out.put(k.keyword, defs.ids(k));
            } catch (ConcurrentModificationException e) {
                // An input is defining things right now; completion makes do with what it had.
                out.put(k.keyword, List.of());
            }
        }
        return out;
    }

    @Override
    public Set<String> variables() {
        Set<String> ids = ReplHighlighter.flatten(definitions());
        Set<String> names = new HashSet<>();
        try {
            for (Object k : new ArrayList<>(shell.binding().getVariables().keySet())) {
                String name = String.valueOf(k);
                if (!ids.contains(name) && !name.equals("out") && !name.startsWith("_")) names.add(name);
            }
        } catch (ConcurrentModificationException e) {
            // as above
        }
        return names;
    }

    @Override public void reset() { shell = shells.get(); }

    @Override
    public Optional<String> describeError(Throwable error) {
        return error instanceof DslException d ? Optional.of(d.render()) : Optional.empty();
    }

    @Override public Optional<String> dslOf(Object value) { return DefinitionDsl.of(value); }

    @Override
    public OptionalDouble creditsLeft() {
        Studio studio = shell.studio();
        try {
            Object me = studio.credits();
            return me instanceof Me m ? OptionalDouble.of(m.apiCredits()) : OptionalDouble.empty();
        } catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    @Override
    public void close() {
        if (resources == null) return;
        try {
            resources.close();
        } catch (Exception e) {
            // Closing at exit: nothing left to tell the user.
        }
    }
}
