package dev.sitter.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitter.model.Json;

/** A charge in whole credits, shown on the wire as {@code {"amount": "<decimal string>", "unit": "CREDITS"}}. */
record Cost(long credits) {
    ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("amount", Long.toString(credits));
        n.put("unit", "CREDITS");
        return n;
    }
}
