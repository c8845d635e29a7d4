package com.syncledger.app.views;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's shapes as the CLI's {@code --json} prints them: the same fields and values, indented. */
public final class ApiJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiJson() {
    }

    public static String write(Object document) {
        return MAPPER.writeValueAsString(document);
    }
}
