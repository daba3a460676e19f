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
                verdicts.put(check, given != null ? given : ctx.settings().judge().passes(item, check));
            }
            Item judged = item.withQa(verdicts);
            if (!judged.passedQa()) {
                failed++;
            }
            out.add(judged);
        }
        return new Result(out, checks.size() + " checks on " + out.size() + " images: " + (out.size() - failed) + " passed, " + failed + " failed");
    }
}
