package com.syncledger.connectors.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses server hints of when to come back. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** A {@code Retry-After} value: delta-seconds or an HTTP-date. Null when absent or unreadable. */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    public static Duration parse(WireResponse response) {
        return parse(response.header("Retry-After").orElse(null), Instant.now());
    }

    /** A duration such as Google's {@code "13s"} or {@code "1.5s"}. Null when unreadable. */
    public static Duration parseProtobufDuration(String value) {
        if (value == null || !value.trim().endsWith("s")) {
            return null;
        }
        try {
            String number = value.trim();
            String[] parts = number.substring(0, number.length() - 1).split("\\.", 2);
            long seconds = Long.parseLong(parts[0]);
            long nanos = parts.length == 2 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
            return Duration.ofSeconds(seconds, nanos);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
