package dev.sitter.repl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A console command typed with a leading slash ({@code /save FILE}). This table is the one list the
 * console dispatches on, completes from and prints for {@code /help}; the README's table is copied from
 * {@code /help}'s output.
 */
record SlashCommand(String name, String usage, String summary, Arg arg) {
    /** What the command's argument is, for completion. */
    enum Arg { NONE, FILE, KEYWORD, ASSET, SEED, ON_OFF, NUMBER }

    static final Map<String, SlashCommand> ALL = table(
            new SlashCommand("help", "/help [WORD]", "list commands, or explain a keyword or command", Arg.KEYWORD),
            new SlashCommand("load", "/load FILE", "evaluate a script into the session", Arg.FILE),
            new SlashCommand("save", "/save FILE", "write the session's successful inputs as a script for sitter run", Arg.FILE),
            new SlashCommand("reload", "/reload", "start over and replay this session's successful inputs", Arg.NONE),
            new SlashCommand("reset", "/reset", "forget every definition and variable (starter blocks are reloaded)", Arg.NONE),
            new SlashCommand("seed", "/seed next|prev|random|lock N|unlock", "re-run the last generation with another seed, or lock one", Arg.SEED),
            new SlashCommand("next", "/next", "re-run the last generation with seed + 1", Arg.NONE),
            new SlashCommand("prev", "/prev", "re-run the last generation with seed - 1", Arg.NONE),
            new SlashCommand("random", "/random", "re-run the last generation with a random seed", Arg.NONE),
            new SlashCommand("sweep", "/sweep N", "re-run the last generation with the next N seeds", Arg.NUMBER),
            new SlashCommand("cost", "/cost", "credits this session spent, and credits left", Arg.NONE),
            new SlashCommand("assets", "/assets", "this session's images", Arg.NONE),
            new SlashCommand("show", "/show ID", "one image: its record, and a preview where the terminal can", Arg.ASSET),
            new SlashCommand("sheet", "/sheet", "write a contact sheet PNG of the last batch", Arg.NONE),
            new SlashCommand("history", "/history [N]", "the last N inputs (all with no N); Ctrl-R searches", Arg.NUMBER),
            new SlashCommand("stacktrace", "/stacktrace [on|off]", "show Java stack traces with errors (toggles)", Arg.ON_OFF),
            new SlashCommand("exit", "/exit", "leave the console (Ctrl-D too)", Arg.NONE));

    private static Map<String, SlashCommand> table(SlashCommand... commands) {
        Map<String, SlashCommand> m = new LinkedHashMap<>();
        for (SlashCommand c : commands) m.put(c.name(), c);
        return java.util.Collections.unmodifiableMap(m);
    }

    static final List<String> SEED_ACTIONS = List.of("next", "prev", "random", "lock", "unlock");

    /** The command a typed word names: exact, or a unique prefix ({@code /he} is {@code /help}), or null. */
    static SlashCommand find(String word) {
        SlashCommand exact = ALL.get(word);
        if (exact != null) return exact;
        List<SlashCommand> matches = ALL.values().stream().filter(c -> c.name().startsWith(word)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
