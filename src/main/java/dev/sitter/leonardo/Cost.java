package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * What a job cost, as Leonardo reported it on the create response: {@code {amount: "0.0147", unit: "DOLLARS"}}.
 * The amount stays a decimal string on the wire; {@link #value()} parses it. Unit is kept as sent
 * (CREDITS or DOLLARS today), so a new unit never breaks parsing.
 */
public record Cost(String amount, String unit) {

    /** Reads {@code cost}, falling back to the deprecated integer {@code apiCreditCost}; null if neither is there. */
    static Cost from(JsonNode job) {
        if (job == null) return null;
        JsonNode c = job.get("cost");
        if (c != null && c.isObject() && c.hasNonNull("amount")) {
            return new Cost(c.get("amount").asText(), c.hasNonNull("unit") ? c.get("unit").asText() : "CREDITS");
        }
        JsonNode legacy = job.get("apiCreditCost");
        if (legacy != null && legacy.isNumber()) return new Cost(legacy.asText(), "CREDITS");
        return null;
    }

    /** The amount as a number, or null if Leonardo sent something that is not a decimal. */
    public BigDecimal value() {
        try {
            return new BigDecimal(amount.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override public String toString() { return amount + " " + unit; }
}
