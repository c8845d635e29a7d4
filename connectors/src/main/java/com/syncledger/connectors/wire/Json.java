package com.syncledger.connectors.wire;

import com.syncledger.connectors.spi.ConnectorException;
import com.syncledger.connectors.spi.ConnectorException.Details;
import com.syncledger.connectors.spi.Platform;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON reading with exact numbers: floats become BigDecimal, never double. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private Json() {
    }

    /** Parses a response body; anything unreadable is a {@link ConnectorException.BadResponse}. */
    public static JsonNode parse(Platform platform, WireResponse response, String requestId) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException("empty body");
            }
            return node;
        } catch (JacksonException | IllegalStateException e) {
            throw new ConnectorException.BadResponse(new Details(platform, response.status(), null, requestId,
                    platform.displayName() + " sent a body that is not JSON (http " + response.status() + ")"), e);
        }
    }

    /**
     * The body as a JSON object, or null when it is anything else. For error answers, whose body may be HTML
     * from a proxy: then only the status speaks.
     */
    public static JsonNode objectOrNull(WireResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The text of a string or number field, or null when absent, JSON null, or {@code node} is null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** {@code ": <text>"} to end an error message with what the platform said, or nothing when it said nothing. */
    public static String said(String text) {
        return text == null ? "" : ": " + text;
    }

    /**
     * An exact decimal from a JSON string or number.
     *
     * @throws NumberFormatException when the value is absent or not a number (for example TikTok's "-")
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new NumberFormatException("missing number '" + field + "'");
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return new BigDecimal(value.asString().trim());
    }
}
