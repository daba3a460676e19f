package dev.sitter.dsl;

import java.math.BigDecimal;

/**
 * {@code budget 200}: a session's spending limit in credits. A command whose estimate would take the
 * session's spend past it is refused before anything is sent. "Spent" is what the Studio was charged
 * since the session began (the {@code baseline} is the Studio's spend when the session started).
 */
final class Budget {
    private final BigDecimal limit;
    private final BigDecimal baseline;

    Budget(BigDecimal limit, BigDecimal baseline) {
        this.limit = limit;
        this.baseline = baseline;
    }

    BigDecimal limit() { return limit; }

    BigDecimal spent(BigDecimal studioSpent) { return studioSpent.subtract(baseline).max(BigDecimal.ZERO); }

    /** Throws when {@code estimate} more credits would exceed the limit. */
    void check(String what, long estimate, BigDecimal studioSpent) {
        check(what, estimate, studioSpent, "lower the count, size or steps");
    }

    /** As above; {@code otherwise} is the other way out, e.g. "lower the count, size or steps". */
    void check(String what, long estimate, BigDecimal studioSpent, String otherwise) {
        BigDecimal spent = spent(studioSpent);
        BigDecimal after = spent.add(BigDecimal.valueOf(estimate));
        if (after.compareTo(limit) > 0) {
            BigDecimal needed = after.setScale(0, java.math.RoundingMode.CEILING);
            throw new DslException("budget: " + what + " is refused, nothing was sent. This session has spent " + plain(spent)
                    + " credits, this would cost about " + estimate + " more (priced before sending), and the budget is "
                    + plain(limit) + ". To go ahead, raise it: budget " + plain(needed) + " (or " + otherwise + ").")
                    .token("budget");
        }
    }

    @Override public String toString() {
        return "budget " + plain(limit) + " credits for this session";
    }

    static String plain(BigDecimal d) { return d.stripTrailingZeros().toPlainString(); }
}
