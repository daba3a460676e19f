package dev.sitter.leonardo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /me}: who the key belongs to, balances and API concurrency slots. Balance fields are
 * null when Leonardo leaves them out; how PAYG dollar balances map onto them is not documented.
 */
public record Me(String userId, String username, Integer subscriptionTokens, Integer paidTokens,
                 Integer apiSubscriptionTokens, Integer apiPaidTokens, Integer apiConcurrencySlots,
                 String tokenRenewalDate, String apiPlanTokenRenewalDate) {

    static Me parse(JsonNode root) {
        JsonNode d = root.path("user_details");
        if (d.isArray()) d = d.size() == 0 ? null : d.get(0);
        if (d == null || !d.isObject()) {
            throw new LeonardoException(LeonardoException.Kind.BAD_RESPONSE, "Leonardo's answer to GET /me had no user_details; try again later.");
        }
        JsonNode u = d.path("user");
        return new Me(GenerationView.str(u, "id"), GenerationView.str(u, "username"), integer(d, "subscriptionTokens"),
                integer(d, "paidTokens"), integer(d, "apiSubscriptionTokens"), integer(d, "apiPaidTokens"),
                integer(d, "apiConcurrencySlots"), GenerationView.str(d, "tokenRenewalDate"),
                GenerationView.str(d, "apiPlanTokenRenewalDate"));
    }

    /** API credits available: subscription plus paid API tokens (missing counts as 0). */
    public long apiCredits() {
        return (apiSubscriptionTokens == null ? 0 : apiSubscriptionTokens) + (apiPaidTokens == null ? 0 : apiPaidTokens);
    }

    private static Integer integer(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || !v.isNumber() ? null : v.asInt();
    }
}
