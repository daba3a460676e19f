package dev.sitter.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitter.model.Json;
import dev.sitter.pack.PackException;
import dev.sitter.pack.PackManifest;
import dev.sitter.pack.PackPaths;
import dev.sitter.pack.ReplayPlan;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What replaying a pack will cost before anything is sent: the sum of the credits its author's records
 * say each planned asset cost (the replay sends the very same requests). A record's figure is the
 * author's word, so a negative one counts as zero, and a record with none is counted as unknown.
 *
 * @param credits what the priced assets cost
 * @param unknown how many paid assets carry no usable cost
 */
record ReplayCost(BigDecimal credits, int unknown) {

    /** Whole credits, rounded up, for a budget check. */
    long estimate() {
        return credits.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    static ReplayCost of(ReplayPlan plan) {
        Path packDir = plan.packDir();
        PackManifest m;
        try {
            m = PackManifest.parse(Files.readAllBytes(packDir.resolve("pack.json")), packDir.resolve("pack.json").toString());
        } catch (IOException e) {
            throw new PackException("cannot read " + packDir.resolve("pack.json") + " to price the replay: " + e.getMessage());
        }
        Map<String, String> recordOf = new HashMap<>();
        for (PackManifest.Asset a : m.assets()) recordOf.put(a.id(), a.record());
        BigDecimal total = BigDecimal.ZERO;
        int unknown = 0;
        for (ReplayPlan.Step step : plan.steps()) {
            if ("grade".equals(step.step())) continue; // local and free
            BigDecimal cost = recordedCost(packDir, recordOf.get(step.assetId()));
            if (cost == null) unknown++;
            else total = total.add(cost.max(BigDecimal.ZERO));
        }
        return new ReplayCost(total, unknown);
    }

    private static BigDecimal recordedCost(Path packDir, String record) {
        if (record == null) return null;
        try {
            JsonNode amount = Json.MAPPER.readTree(Files.readAllBytes(PackPaths.resolveInside(packDir, record))).path("cost").path("amount");
            return amount.isNumber() ? amount.decimalValue() : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: the planner has said so already; here it is only unpriced
        }
    }
}
