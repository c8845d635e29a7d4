package com.syncledger.app.views;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the API's shapes as the CLI's {@code --json} prints them: the same fields and values, indented. */
public final class ApiJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiJson() {
    }

    public static String write(Object document) {
        return MAPPER.writeValueAsString(document);
    }

    /** JSON kept as text (e.g. an audit event's details), to print within a document. */
    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    /** An empty object to fill, for a document built field by field. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
