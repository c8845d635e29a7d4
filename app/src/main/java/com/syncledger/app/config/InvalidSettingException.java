package com.syncledger.app.config;

/**
 * A settings record refuses one of its values. It names the record component, so the binder can name the
 * variable that set it.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String component;

    public InvalidSettingException(String component, String message) {
        super(message);
        this.component = component;
    }

    /** The record component refused, e.g. {@code maxAttempts}. */
    public String component() {
        return component;
    }
}
