package dev.sitter.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The inputs of one console session, in order, and how each went. {@code /save} writes the
 * successful ones as a script that {@code sitter run} replays to the same requests; a failed line
 * is left out because it changed nothing (the engine evaluates a failing input as a whole).
 */
final class SessionLog {
    enum Origin {
        /** Typed (or piped) by the user. */
        TYPED,
        /** Made by the console on the user's behalf, e.g. {@code /next} re-running a generation with seed+1. */
        TWEAKED,
        /** The contents of a file given to {@code /load}. */
        LOADED
    }

    /** One evaluated input. */
    record Entry(String name, String source, Origin origin, String file, boolean ok) {}

    // A bare name or property path ("mara", "mara.identity", "shots[1]") only looks at something;
    // it is left out of a saved script so the script reads as the work, not the browsing.
    private static final Pattern LOOK = Pattern.compile("[\\p{L}_$][\\w$]*(\\s*(\\.\\s*[\\p{L}_$][\\w$]*|\\[\\s*\\d+\\s*]))*\\s*;?");

    private final List<Entry> entries = new ArrayList<>();
    private int counter;

    /** The next source name, {@code input-1}, {@code input-2}, ... */
    synchronized String nextName() { return "input-" + (++counter); }

    synchronized void add(Entry e) { entries.add(e); }

    synchronized List<Entry> entries() { return List.copyOf(entries); }

    synchronized void clear() { entries.clear(); }

    /**
     * The session as a DSL script: the includes of the blocks the console loaded at start, then the
     * successful inputs in order, loaded files inlined, browsing left out.
     */
    synchronized String toScript(List<String> includes) {
        StringBuilder sb = new StringBuilder("// Saved from a Sitter console session; replay with: sitter run FILE\n");
        if (!includes.isEmpty()) {
            sb.append("\n// The library blocks the console loaded at start.\n");
            for (String inc : includes) sb.append("include ").append(DefinitionDsl.q(inc)).append('\n');
        }
        for (Entry e : entries) {
            if (!e.ok()) continue;
            String src = e.source().strip();
            if (src.isEmpty() || (e.origin() != Origin.LOADED && LOOK.matcher(src).matches())) continue;
            sb.append('\n');
            if (e.origin() == Origin.LOADED) sb.append("// ---- loaded from ").append(e.file()).append('\n');
            sb.append(src).append('\n');
            if (e.origin() == Origin.LOADED) sb.append("// ---- end of ").append(e.file()).append('\n');
        }
        return sb.toString();
    }
}
