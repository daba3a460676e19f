package dev.sitter.cli;

import dev.sitter.library.LibraryLocation;
import dev.sitter.library.Query;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line arguments of the library commands: {@code --name value}, {@code --name=value},
 * bare flags and positionals. Every library command accepts {@code --library DIR}.
 */
final class LibraryArgs {
    static final Set<String> FILTERS = Set.of("--character", "--style", "--model", "--seed", "--from", "--to",
            "--qa", "--min-cost", "--max-cost", "--step");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private LibraryArgs() {}

    static LibraryArgs parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        Set<String> withValue = new HashSet<>(valueOptions);
        withValue.add("--library");
        LibraryArgs a = new LibraryArgs();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!s.startsWith("--") || s.equals("--")) {
                a.positional.add(s);
                continue;
            }
            String name = s, value = null;
            int eq = s.indexOf('=');
            if (eq > 0) { name = s.substring(0, eq); value = s.substring(eq + 1); }
            if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException(name + " needs a value");
                    value = args.get(++i);
                }
                a.values.put(name, value);
            } else if (flagOptions.contains(name) && value == null) {
                a.flags.add(name);
            } else {
                Set<String> all = new TreeSet<>(withValue);
                all.addAll(flagOptions);
                throw new UsageException("unknown option " + name + " (options: " + String.join(", ", all) + ")");
            }
        }
        return a;
    }

    String get(String name) { return values.get(name); }

    boolean has(String flag) { return flags.contains(flag); }

    List<String> positional() { return positional; }

    Path library(CliContext ctx) { return LibraryLocation.resolve(values.get("--library"), ctx.env(), ctx.workDir()); }

    boolean hasFilter() {
        for (String f : FILTERS) if (values.containsKey(f)) return true;
        return false;
    }

    /** The index query the filter options describe. */
    Query query() {
        Query q = Query.ALL
                .withCharacter(get("--character")).withStyle(get("--style")).withModel(get("--model"))
                .withStep(get("--step")).withQa(get("--qa"))
                .withFrom(date("--from")).withTo(date("--to"));
        if (get("--seed") != null) q = q.withSeed(number("--seed"));
        if (get("--min-cost") != null) q = q.withMinCost(decimal("--min-cost"));
        if (get("--max-cost") != null) q = q.withMaxCost(decimal("--max-cost"));
        if (q.qa() != null && !Set.of("pass", "fail", "partial", "none").contains(q.qa())) {
            String close = FilterHints.closest(q.qa(), List.of("pass", "fail", "partial", "none"));
            throw new UsageException("--qa must be pass, fail, partial or none, not '" + q.qa() + "'"
                    + (close == null ? "" : " (did you mean '" + close + "'?)"));
        }
        return q;
    }

    long number(String name) {
        try {
            return Long.parseLong(get(name).strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + get(name) + "'");
        }
    }

    BigDecimal decimal(String name) {
        try {
            return new BigDecimal(get(name).strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number like 4.99, not '" + get(name) + "'");
        }
    }

    private String date(String name) {
        String v = get(name);
        if (v == null) return null;
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?")) {
            throw new UsageException(name + " must be a date like 2026-11-27 (or 2026-11-27T10:00:00Z), not '" + v + "'");
        }
        return v;
    }
}
