package dev.sitter.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code qa 'eyes match the anchors', 'scar on the left cheek'}: records a pass/fail per check per
 * image. A script can give the verdict ({@code pass: true}); otherwise the run's judge decides
 * (the console asks the user; scripts default to the drift threshold). Failed images stay in the
 * set with their verdicts, and upscale leaves them out unless forced.
 */
final class QaStep implements Step {
    static final Set<String> OPTIONS = Set.of("pass");

    @Override
    public void check(RunContext ctx, StepOptions o) {
        if (o.texts().isEmpty()) {
            throw o.error("no checks given", "write e.g. qa 'eyes match the anchors', 'scar on the left cheek'");
        }
        o.flag("pass");
    }

    @Override
    public Result run(RunContext ctx, String key, StepOptions o, List<Item> in) {
        List<String> checks = o.texts();
        if (checks.isEmpty()) {
            throw o.error("no checks given", "write e.g. qa 'eyes match the anchors', 'scar on the left cheek'");
        }
        Boolean given = o.has("pass") ? o.flag("pass") : null;
        List<Item> out = new ArrayList<>();
        int failed = 0;
        for (Item item : ctx.scored(in)) {
            Map<String, Boolean> verdicts = new TreeMap<>(item.qa());
            for (String check : checks) {
                boolean passed = given != null ? given : ctx.settings().judge().passes(item, check);
                verdicts.put(check, passed);
                String note = given != null ? "given in the script (pass: " + given + ")" : ctx.settings().judge().basis(item, check);
                record(ctx, key, item, check, passed, note);
            }
            Item judged = item.withQa(verdicts);
            if (!judged.passedQa()) {
                failed++;
            }
            out.add(judged);
        }
        return new Result(out, RunContext.count(checks.size(), "check") + " on " + RunContext.count(out.size(), "image") + ": "
                + (out.size() - failed) + " passed, " + failed + " failed"
                + (given == null && ctx.settings().judge().rule() != null ? " (" + ctx.settings().judge().rule() + ")" : ""));
    }

    /** Into the image's library record, once: a resumed run finds the journal entry and does not record again. */
    private static void record(RunContext ctx, String key, Item item, String check, boolean passed, String note) {
        String qaKey = key + "/" + ctx.shortKey(item.id()) + "/" + dev.sitter.util.Sha256.hex(check.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
        if (ctx.journal.find("qa", qaKey) != null) {
            return;
        }
        ctx.ops.recordQa(item.id(), check, passed, item.drift(), note);
        ctx.journal.append(dev.sitter.model.Json.MAPPER.createObjectNode().put("type", "qa").put("key", qaKey)
                .put("id", item.id()).put("check", check).put("pass", passed));
    }
}
