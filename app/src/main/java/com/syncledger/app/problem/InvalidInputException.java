package com.syncledger.app.problem;

import java.util.Map;

/**
 * Input that fails validation before any work starts (HTTP 400, CLI exit 2). {@code fields} maps each
 * offending field to what is wrong with it.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final Map<String, String> fields;

    public InvalidInputException(String field, String problem) {
        this(Map.of(field, problem));
    }

    public InvalidInputException(Map<String, String> fields) {
        super(describe(fields));
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }

    private static String describe(Map<String, String> fields) {
        return fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
    }
}
