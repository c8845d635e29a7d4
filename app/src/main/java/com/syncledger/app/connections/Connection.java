package com.syncledger.app.connections;

import com.syncledger.connectors.spi.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One client's authorization of the agency's app on one platform, without its tokens (those stay sealed in
 * {@link ConnectionStore} until a connector needs them).
 *
 * @param accountIds      the ad accounts the token reached when granted (canonical ids)
 * @param status          as stored: {@link ConnectionExpiry} tells the status with the calendar applied
 * @param refreshedAt     when the tokens were last refreshed; empty before the first refresh
 * @param refreshable     whether the connection holds a refresh token
 */
public record Connection(long id, Platform platform, String label, List<String> accountIds, List<String> scopes,
        Instant issuedAt, Optional<Instant> accessExpiresAt, Optional<Instant> refreshExpiresAt, Status status,
        Optional<Instant> lastUsedAt, Optional<Instant> refreshedAt, boolean refreshable) {

    public Connection {
        accountIds = List.copyOf(accountIds);
        scopes = List.copyOf(scopes);
    }

    /** A connection not refreshed yet, without a refresh token. */
    public Connection(long id, Platform platform, String label, List<String> accountIds, List<String> scopes,
            Instant issuedAt, Optional<Instant> accessExpiresAt, Optional<Instant> refreshExpiresAt, Status status,
            Optional<Instant> lastUsedAt) {
        this(id, platform, label, accountIds, scopes, issuedAt, accessExpiresAt, refreshExpiresAt, status, lastUsedAt,
                Optional.empty(), false);
    }

    public enum Status {
        ACTIVE, EXPIRING, EXPIRED, REVOKED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
