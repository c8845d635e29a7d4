package com.syncledger.app.config;

import java.time.Duration;

/**
 * The checks settings records make of their values. Each failure names the record component, so the binder
 * can name the variable that set it.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    public static void requirePositive(String component, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(component, component + " must be a positive duration, was " + value);
        }
    }

    public static void requireNotNegative(String component, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidSettingException(component, component + " must not be negative, was " + value);
        }
    }

    public static void requireWithin(String component, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(component, component + " must be " + min + " to " + max + ", was "
                    + value);
        }
    }
}
