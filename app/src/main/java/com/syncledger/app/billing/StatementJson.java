package com.syncledger.app.billing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a statement's JSON document for the renderers. They work from the document text, never from a
 * {@link Statement}, so an issued statement is rendered from exactly what was issued.
 */
final class StatementJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatementJson() {
    }

    static JsonNode parse(String document) {
        return JSON.readTree(document);
    }

    /** A text value as the document has it; null when the key is absent or null. */
    static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** True when a money string is zero however it is written: {@code 0.00}, {@code -0.00}, {@code 0}. */
    static boolean isZero(String amount) {
        return amount == null || amount.chars().noneMatch(c -> c >= '1' && c <= '9');
    }
}
