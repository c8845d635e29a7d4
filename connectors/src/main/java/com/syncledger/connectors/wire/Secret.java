package com.syncledger.connectors.wire;

import java.util.Objects;

/** A credential value that never shows itself in {@code toString}, logs or exception messages. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @return a secret, or null for a null or blank value */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.trim());
    }

    public static Secret of(String value) {
        return Objects.requireNonNull(ofNullable(value), "secret value is required");
    }

    /** The raw value, only for putting on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
