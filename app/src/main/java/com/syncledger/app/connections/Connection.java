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
 * @param accountIds the ad accounts the token reached when granted (canonical ids)
 */
public record Connection(long id, Platform platform, String label, List<String> accountIds, List<String> scopes,
        Instant issuedAt, Optional<Instant> accessExpiresAt, Optional<Instant> refreshExpiresAt, Status status,
        Optional<Instant> lastUsedAt) {

    public Connection {
        accountIds = List.copyOf(accountIds);
        scopes = List.copyOf(scopes);
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
