package dev.sitter.pack;

import dev.sitter.util.Sha256;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ReplayPlan} through a {@link ReplayGenerator} and compares every image with the
 * hash its record promises. Nothing is trusted from the pack here: the specs are data built from
 * records, and the generator is Sitter's own client.
 */
public final class PackReplayer {
    /** The outcome for one asset. */
    public record Outcome(String assetId, String actualSha256, boolean identical, String error) {}

    /** All outcomes; {@code allIdentical} when every image came back byte-identical. */
    public record Report(List<Outcome> outcomes) {
        public boolean allIdentical() {
            return outcomes.stream().allMatch(Outcome::identical);
        }
    }

    private PackReplayer() {}

    public static Report replay(ReplayPlan plan, ReplayGenerator generator) {
        Map<String, byte[]> made = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (ReplayPlan.Step s : plan.steps()) {
            byte[] parent = s.parentId() == null ? null : made.get(s.parentId());
            if (s.parentId() != null && parent == null) {
                out.add(new Outcome(s.assetId(), null, false, "its parent " + s.parentId().substring(0, 12)
                        + " is not in the pack or failed to regenerate"));
                continue;
            }
            try {
                byte[] img = generator.generate(s, plan.packDir(), parent);
                String sha = Sha256.hex(img);
                made.put(s.assetId(), img);
                out.add(new Outcome(s.assetId(), sha, sha.equals(s.assetId()), null));
            } catch (Exception e) {
                out.add(new Outcome(s.assetId(), null, false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new Report(out);
    }
}
