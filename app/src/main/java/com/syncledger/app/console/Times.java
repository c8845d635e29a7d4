package com.syncledger.app.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console prints instants: UTC, to the minute, so every reader sees the same time. */
final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String text(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
