package com.syncledger.app.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A connection's expected end as {@link ConnectionCalendar} tells it.
 *
 * @param status    with the calendar applied: {@code expiring} within the warning window, {@code expired} after
 *                  the end or once the platform refused the tokens
 * @param expiresAt when the connection stops working unless renewed; empty when no end is known
 * @param token     which token ends then
 */
public record ConnectionExpiry(Connection connection, Connection.Status status, Optional<Instant> expiresAt,
        Token token) {

    /** Which of a connection's tokens ends: the access token, the refresh token, or none known. */
    public enum Token {
        ACCESS, REFRESH, NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Seconds from {@code now} to the end, negative once past; empty when no end is known. */
    public Optional<Long> secondsLeft(Instant now) {
        return expiresAt.map(end -> Duration.between(now, end).toSeconds());
    }
}
