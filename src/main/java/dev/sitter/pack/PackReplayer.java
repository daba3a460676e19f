package dev.sitter.pack;

import dev.sitter.model.Json;
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
        Map<String, List<byte[]>> byRequest = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (ReplayPlan.Step s : plan.steps()) {
            byte[] parent = s.parentId() == null ? null : made.get(s.parentId());
            if (s.parentId() != null && parent == null) {
                out.add(new Outcome(s.assetId(), null, false, "its parent " + s.parentId().substring(0, 12)
                        + " is not in the pack or did not regenerate identically"));
                continue;
            }
            // one request per distinct request (step, parent, operation and local edit): siblings from one generation
            // cost it once; an upscale and an inpaint of one parent share the parent's request, so the step tells them
            // apart, and two grades (or composites) of one parent differ only in their edit's LUT (or mask, source)
            String key = s.step() + "|" + Json.compact(s.spec()) + "|" + s.parentId() + "|" + Json.compact(s.operation())
                    + "|" + Json.compact(s.edit());
            try {
                List<byte[]> images = byRequest.get(key);
                if (images == null) {
                    images = generator.generate(s, plan.packDir(), parent);
                    byRequest.put(key, images);
                }
                byte[] match = null;
                String first = null;
                for (byte[] img : images) {
                    String sha = Sha256.hex(img);
                    if (first == null) first = sha;
                    if (sha.equals(s.assetId())) match = img;
                }
                if (match != null) {
                    made.put(s.assetId(), match);
                    out.add(new Outcome(s.assetId(), s.assetId(), true, null));
                } else {
                    out.add(new Outcome(s.assetId(), first, false, images.isEmpty() ? "the request made no image" : null));
                }
            } catch (Exception e) {
                out.add(new Outcome(s.assetId(), null, false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return new Report(out);
    }
}
